using System.Runtime.CompilerServices;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Counts of data.police.uk rows by month × force × LSOA × category (crime type, outcome type), built while the files
/// stream past. Memory grows with the number of distinct keys (thousands a file), never with the rows; tallies merged
/// with a district representative (<see cref="Merge"/>) hold a few keys per force-month, however many files.
/// </summary>
internal sealed class PoliceUkTally
{
    private const int MonthBase = 1900 * 12;
    private readonly Dictionary<string, int> forces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> lsoas = new(StringComparer.Ordinal);

    public PoliceUkTally(PoliceUkFileKind kind)
    {
        Kind = kind;
        Lsoas.Add("");
        LsoaNames.Add("");
        lsoas[""] = 0;
    }

    public PoliceUkFileKind Kind { get; }

    /// <summary>A new, empty tally of the same kind knowing the same forces and categories by the same ids (for another part of one file).</summary>
    public PoliceUkTally Started()
    {
        var started = new PoliceUkTally(Kind);
        Forces.ForEach(f => started.Force(f));
        Categories.ForEach(c => started.Category(c));
        return started;
    }

    public List<string> Forces { get; } = [];

    public List<string> Categories { get; } = [];

    /// <summary>LSOA codes by id; id 0 is "no LSOA" (a row without a location).</summary>
    public List<string> Lsoas { get; } = [];

    /// <summary>The LSOA name first seen with each code ("Castle Point 001A").</summary>
    public List<string> LsoaNames { get; } = [];

    public KeyCounts Counts { get; } = new();

    public long Rows { get; set; }

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ForceLookup => forces.GetAlternateLookup<ReadOnlySpan<char>>();

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> CategoryLookup => categories.GetAlternateLookup<ReadOnlySpan<char>>();

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LsoaLookup => lsoas.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Force(ReadOnlySpan<char> name) => Intern(forces, Forces, name, 1 << 10);

    public int Category(ReadOnlySpan<char> name) => Intern(categories, Categories, name, 1 << 10);

    public int Lsoa(ReadOnlySpan<char> code, ReadOnlySpan<char> name)
    {
        var lookup = lsoas.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(code, out var id))
        {
            return id;
        }

        id = Intern(lsoas, Lsoas, code, 1 << 22);
        LsoaNames.Add(name.ToString());
        return id;
    }

    public static long Key(int monthOrdinal, int force, int lsoa, int category) =>
        ((long)(monthOrdinal - MonthBase) << 42) | ((long)force << 32) | ((long)lsoa << 10) | (long)category;

    public static (ReportingMonth Month, int Force, int Lsoa, int Category) Unpack(long key) =>
        (ReportingMonth.FromOrdinal((int)(key >> 42) + MonthBase), (int)((key >> 32) & 0x3FF), (int)((key >> 10) & 0x3FFFFF), (int)(key & 0x3FF));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long key, long count = 1) => Counts.Add(key, count);

    /// <summary>
    /// Adds another tally's counts (from a file read on another thread) into this one, remapping its ids. With
    /// <paramref name="representative"/>, each LSOA is counted under the LSOA standing for its district ("" where it has
    /// none), so this tally holds month × force × district × category: a few keys per force-month, however many files.
    /// </summary>
    public void Merge(PoliceUkTally other, Func<string, string, (string Code, string Name)>? representative = null)
    {
        var forceMap = other.Forces.Select(f => Force(f)).ToArray();
        var categoryMap = other.Categories.Select(c => Category(c)).ToArray();
        var lsoaMap = other.Lsoas.Select((c, i) => representative is null || i == 0 ? Lsoa(c, other.LsoaNames[i])
            : representative(c, other.LsoaNames[i]) is var (code, name) && code.Length + name.Length > 0 ? Lsoa(code, name) : 0).ToArray();
        foreach (var (key, count) in other.Counts)
        {
            var (month, force, lsoa, category) = Unpack(key);
            Add(Key(month.Ordinal, forceMap[force], lsoaMap[lsoa], categoryMap[category]), count);
        }

        Rows += other.Rows;
    }

    private static int Intern(Dictionary<string, int> map, List<string> names, ReadOnlySpan<char> text, int limit)
    {
        var lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var id))
        {
            return id;
        }

        id = names.Count;
        if (id >= limit)
        {
            throw new InvalidDataException($"more than {limit} distinct values in a column: the file is not data.police.uk data.");
        }

        var value = text.ToString();
        map[value] = id;
        names.Add(value);
        return id;
    }
}
