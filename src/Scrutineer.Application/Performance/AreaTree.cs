using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Performance;

/// <summary>The area hierarchy and LSOA mapping loaded once for an import: which areas an LSOA's crimes count towards.</summary>
internal sealed class AreaTree
{
    private readonly Dictionary<int, Area> byId;
    private readonly Dictionary<string, Area> byName;
    private readonly Dictionary<string, Area> byLsoaCode;
    private readonly Dictionary<string, Area> byLocalAuthority;

    private AreaTree(List<Area> areas, List<LsoaMapping> mappings)
    {
        byId = areas.ToDictionary(a => a.Id);
        byName = areas.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        byLsoaCode = mappings.Where(m => m.IsCode).ToDictionary(m => m.Lsoa, m => byId[m.AreaId], StringComparer.OrdinalIgnoreCase);
        byLocalAuthority = mappings.Where(m => !m.IsCode).ToDictionary(m => m.Lsoa, m => byId[m.AreaId], StringComparer.OrdinalIgnoreCase);
    }

    public static async Task<AreaTree> LoadAsync(ScrutineerDb db, CancellationToken cancellationToken)
    {
        var areas = await db.Areas.ToListAsync(cancellationToken);
        var mappings = await db.LsoaMappings.ToListAsync(cancellationToken);
        return new AreaTree(areas, mappings);
    }

    public IEnumerable<Area> All => byId.Values;

    public Area? Find(string name) => byName.GetValueOrDefault(name.Trim());

    /// <summary>The top of the area's chain (its force, for an LPA or district).</summary>
    public Area Top(Area area)
    {
        while (area.ParentId is { } parent)
        {
            area = byId[parent];
        }

        return area;
    }

    /// <summary>The area and every area above it, smallest first.</summary>
    public IEnumerable<Area> Chain(Area area)
    {
        yield return area;
        while (area.ParentId is { } parent)
        {
            area = byId[parent];
            yield return area;
        }
    }

    /// <summary>The area and every area below it.</summary>
    public List<Area> Subtree(Area top) => byId.Values.Where(a => Chain(a).Any(c => c.Id == top.Id)).ToList();

    /// <summary>The district an LSOA belongs to: by its code first, else by the local authority in its name.</summary>
    public Area? DistrictOf(string code, string name)
    {
        if (code.Length > 0 && byLsoaCode.TryGetValue(code, out var area))
        {
            return area;
        }

        return LsoaMapping.LocalAuthorityOf(name) is { } authority ? byLocalAuthority.GetValueOrDefault(authority) : null;
    }
}
