using Scrutineer.Application.Data;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Performance;

/// <summary>The area hierarchy and LSOA mapping loaded once for an import: which areas an LSOA's crimes count towards.</summary>
internal sealed class AreaTree
{
    private readonly Dictionary<int, Node> byId;
    private readonly Dictionary<string, Node> byName;
    private readonly Dictionary<string, Node> byLsoaCode;
    private readonly Dictionary<string, Node> byLocalAuthority;

    private AreaTree(List<Node> areas, List<(string Lsoa, int AreaId)> mappings)
    {
        byId = areas.ToDictionary(a => a.Id);
        byName = areas.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        byLsoaCode = mappings.Where(m => LsoaMapping.IsLsoaCode(m.Lsoa)).ToDictionary(m => m.Lsoa, m => byId[m.AreaId], StringComparer.OrdinalIgnoreCase);
        byLocalAuthority = mappings.Where(m => !LsoaMapping.IsLsoaCode(m.Lsoa)).ToDictionary(m => m.Lsoa, m => byId[m.AreaId], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>An area as the tree holds it.</summary>
    public sealed record Node(int Id, string Name, AreaLevel Level, int? ParentId);

    /// <summary>The store's areas and LSOA mapping, read over its plain connection.</summary>
    public static async Task<AreaTree> LoadAsync(StoreReader store, CancellationToken cancellationToken)
    {
        var areas = await store.ListAsync("SELECT \"Id\", \"Name\", \"Level\", \"ParentId\" FROM \"Areas\"",
            r => new Node(r.GetInt32(0), r.GetString(1), Enum.Parse<AreaLevel>(r.GetString(2)), r.IsDBNull(3) ? null : r.GetInt32(3)), cancellationToken);
        var mappings = await store.ListAsync("SELECT \"Lsoa\", \"AreaId\" FROM \"LsoaMappings\"", r => (r.GetString(0), r.GetInt32(1)), cancellationToken);
        return new AreaTree(areas, mappings);
    }

    public IEnumerable<Node> All => byId.Values;

    public Node? Find(string name) => byName.GetValueOrDefault(name.Trim());

    /// <summary>The top of the area's chain (its force, for an LPA or district).</summary>
    public Node Top(Node area)
    {
        while (area.ParentId is { } parent)
        {
            area = byId[parent];
        }

        return area;
    }

    /// <summary>The area and every area above it, smallest first.</summary>
    public IEnumerable<Node> Chain(Node area)
    {
        yield return area;
        while (area.ParentId is { } parent)
        {
            area = byId[parent];
            yield return area;
        }
    }

    /// <summary>The area and every area below it.</summary>
    public List<Node> Subtree(Node top) => byId.Values.Where(a => Chain(a).Any(c => c.Id == top.Id)).ToList();

    /// <summary>The district an LSOA belongs to: by its code first, else by the local authority in its name.</summary>
    public Node? DistrictOf(string code, string name)
    {
        if (code.Length > 0 && byLsoaCode.TryGetValue(code, out var area))
        {
            return area;
        }

        return LsoaMapping.LocalAuthorityOf(name) is { } authority ? byLocalAuthority.GetValueOrDefault(authority) : null;
    }
}
