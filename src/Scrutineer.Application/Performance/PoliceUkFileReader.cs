using System.Runtime.CompilerServices;
using System.Globalization;
using Scrutineer.Application.Csv;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Streams one data.police.uk CSV file into a <see cref="PoliceUkTally"/> through the one <see cref="CsvReader"/>: no
/// string per row (a column's values are known by their bytes, <see cref="FieldIds"/>), so memory is the reader's
/// buffer plus the tally, whatever the file's size. A file of <see cref="PartBytes"/> or more is read in parts, one per
/// core, each starting at a line start, and the parts' tallies merged; should any part meet a line break inside
/// quotes (which data.police.uk files never hold), a part may not have started at a record, so the file is read again
/// from the start in one piece.
/// </summary>
internal sealed class PoliceUkFileReader
{
    /// <summary>The most fields a row may have (a street file has 12, an outcomes file 10, stop and search 15).</summary>
    public const int MaxFields = 64;

    /// <summary>The longest row, line breaks in quotes included: 1 MB (a real row is a few hundred bytes).</summary>
    public const int MaxRowBytes = 1 << 20;

    /// <summary>The most lines one file may hold: 10 million (the largest force-month holds about 100,000 rows).</summary>
    public const long MaxLines = 10_000_000;

    /// <summary>A file this large or larger is read in parts on all cores: 32 MB (a monthly force file is a few MB).</summary>
    public const long PartBytes = 32L << 20;

    /// <summary>The limits of a data.police.uk file and the words each is refused in.</summary>
    internal static readonly CsvLimits Limits = new(long.MaxValue, MaxRowBytes, MaxFields, MaxLines,
        bytes => "the file is too large.",
        $"a row longer than {MaxRowBytes >> 20} MB, the most a data.police.uk row may be: is a quote left open?",
        $"more than {MaxFields} fields, the most a data.police.uk row may have.",
        string.Create(CultureInfo.InvariantCulture, $"more than {MaxLines:N0} lines, the most one data.police.uk file may hold: split the file by month."));

    private readonly string path;
    private readonly PoliceUkTally tally;
    private readonly Columns columns;
    private readonly FieldIds forceIds = new(), lsoaIds = new(), categoryIds = new();
    private char[] scratch = new char[256], nameScratch = new char[256];

    private PoliceUkFileReader(string path, PoliceUkTally tally, Columns columns)
    {
        this.path = path;
        this.tally = tally;
        this.columns = columns;
    }

    /// <summary>Reads <paramref name="path"/> into a new tally of the kind its header shows.</summary>
    /// <exception cref="ImportException">The header is not a data.police.uk header, or a row is malformed (file:line and why).</exception>
    public static PoliceUkTally Read(string path, Action<long> bytesRead, CancellationToken cancellationToken)
    {
        RefuseArchive(path);
        var parts = new FileInfo(path).Length >= PartBytes ? Math.Max(1, Environment.ProcessorCount) : 1;
        return parts > 1 ? ReadInParts(path, parts, bytesRead, cancellationToken) : ReadWhole(path, bytesRead, cancellationToken);
    }

    internal static PoliceUkTally ReadWhole(string path, Action<long>? bytesRead, CancellationToken cancellationToken)
    {
        using var stream = Open(path, 0);
        using var reader = new CsvReader(stream, Limits, bytesRead, cancellationToken: cancellationToken);
        var (tally, columns) = Header(path, reader);
        new PoliceUkFileReader(path, tally, columns).Count(reader);
        return tally;
    }

    internal static PoliceUkTally ReadInParts(string path, int parts, Action<long> bytesRead, CancellationToken cancellationToken)
    {
        PoliceUkTally tally;
        Columns columns;
        long headerEnd, headerLines, length;
        using (var stream = Open(path, 0))
        using (var reader = new CsvReader(stream, Limits, cancellationToken: cancellationToken))
        {
            (tally, columns) = Header(path, reader);
            headerEnd = reader.Position;
            headerLines = reader.NextLine - 1;
            length = stream.Length;
        }

        // Part k reads the records starting in [bounds[k], bounds[k + 1]); each bound but the first is a line start.
        var bounds = new long[parts + 1];
        bounds[0] = headerEnd;
        bounds[parts] = length;
        for (var k = 1; k < parts; k++)
        {
            bounds[k] = Math.Max(bounds[k - 1], LineStartFrom(path, headerEnd + ((length - headerEnd) * k / parts)));
        }

        // Every part's tally is started before any part counts: part 0 adds to the header's tally as it reads.
        var tallies = Enumerable.Range(0, parts).Select(k => k == 0 ? tally : tally.Started()).ToArray();
        var results = new (PoliceUkTally Tally, long Lines, bool Unsafe, ImportException? Error)[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts, CancellationToken = cancellationToken }, k =>
        {
            var partTally = tallies[k];
            using var stream = Open(path, bounds[k]);
            using var reader = new CsvReader(stream, Limits, bytesRead, bounds[k + 1] - bounds[k], cancellationToken);
            try
            {
                new PoliceUkFileReader(path, partTally, columns).Count(reader);
                results[k] = (partTally, reader.NextLine - 1, reader.SawLineBreakInQuotes, null);
            }
            catch (ImportException ex)
            {
                results[k] = (partTally, 0, reader.SawLineBreakInQuotes, ex);
            }
        });

        var linesBefore = headerLines;
        foreach (var (_, lines, isUnsafe, error) in results)
        {
            if (isUnsafe)
            {
                return ReadWhole(path, null, cancellationToken);
            }

            if (error is not null)
            {
                throw new ImportException(path, error.Line + linesBefore, error.Problem);
            }

            linesBefore += lines;
        }

        if (linesBefore > MaxLines)
        {
            throw new ImportException(path, MaxLines + 1, Limits.TooManyLines);
        }

        for (var k = 1; k < parts; k++)
        {
            try
            {
                tally.Merge(results[k].Tally);
            }
            catch (InvalidDataException ex)
            {
                throw new ImportException(path, linesBefore, ex.Message);
            }
        }

        return tally;
    }

    /// <summary>A zip archive (data.police.uk ships its downloads so) is named as one, not read as a CSV file with a strange header.</summary>
    private static void RefuseArchive(string path)
    {
        Span<byte> start = stackalloc byte[4];
        using (var stream = Open(path, 0))
        {
            if (stream.ReadAtLeast(start, 4, throwOnEndOfStream: false) < 4 || !start.SequenceEqual("PK\u0003\u0004"u8))
            {
                return;
            }
        }

        throw new ImportException(path, 1, "this is a zip archive, not a CSV file: unzip it first (data.police.uk's archive holds a folder per month) and import the folder.");
    }

    /// <summary>The first line start at or after <paramref name="offset"/> (the end of the file when there is none).</summary>
    private static long LineStartFrom(string path, long offset)
    {
        using var stream = Open(path, offset - 1);
        var buffer = new byte[1 << 16];
        var position = offset - 1;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var nl = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                return position + nl + 1;
            }

            position += read;
        }

        return stream.Length;
    }

    private static FileStream Open(string path, long offset)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Position = offset;
        return stream;
    }

    /// <summary>Moves <paramref name="reader"/> to its next record; a broken limit becomes an <see cref="ImportException"/>.</summary>
    private static bool Next(string path, CsvReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvException ex)
        {
            throw new ImportException(path, ex.Line, ex.Problem);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Count(CsvReader reader)
    {
        while (Next(path, reader))
        {
            if (reader.IsBlank)
            {
                continue;
            }

            try
            {
                CountRow(reader);
            }
            catch (InvalidDataException ex)
            {
                throw new ImportException(path, reader.Line, ex.Message);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CountRow(CsvReader reader)
    {
        var line = reader.Line;
        if (reader.Count != columns.Count)
        {
            throw new ImportException(path, line, $"expected {columns.Count} fields as in the header, found {reader.Count}.");
        }

        var monthBytes = reader.Raw(columns.Month);
        if (tally.Kind == PoliceUkFileKind.StopAndSearch && monthBytes.Length >= 7)
        {
            monthBytes = monthBytes[..7];
        }

        var month = ParseMonth(monthBytes);
        if (month < 0)
        {
            throw new ImportException(path, line, $"{columns.MonthName} '{reader.Text(columns.Month)}' is not a month: expected YYYY-MM.");
        }

        int force;
        if (columns.Force < 0)
        {
            force = columns.FixedForce;
        }
        else
        {
            var bytes = reader.Raw(columns.Force);
            if (!forceIds.TryGet(bytes, out force))
            {
                var text = reader.Chars(columns.Force, ref scratch).Trim();
                if (text.IsEmpty)
                {
                    throw new ImportException(path, line, "Falls within is empty: expected the force's name.");
                }

                force = tally.Force(ImportText.Name(path, line, "Falls within", text, Area.NameMaxLength));
                forceIds.Add(bytes, force);
            }
        }

        int category;
        if (columns.Category < 0)
        {
            category = columns.FixedCategory;
        }
        else
        {
            var bytes = reader.Raw(columns.Category);
            if (!categoryIds.TryGet(bytes, out category))
            {
                var text = reader.Chars(columns.Category, ref scratch).Trim();
                if (text.IsEmpty)
                {
                    throw new ImportException(path, line, $"{columns.CategoryName} is empty.");
                }

                // The category names a measure ("Outcome: " + the outcome type for outcome files).
                var max = Measure.NameMaxLength - (tally.Kind == PoliceUkFileKind.Outcomes ? "Outcome: ".Length : 0);
                category = tally.Category(ImportText.Name(path, line, columns.CategoryName, text, max));
                categoryIds.Add(bytes, category);
            }
        }

        var lsoa = 0;
        if (columns.Lsoa >= 0)
        {
            var bytes = reader.Raw(columns.Lsoa);
            if (bytes.Length > 0 && !lsoaIds.TryGet(bytes, out lsoa))
            {
                var code = reader.Chars(columns.Lsoa, ref scratch).Trim();
                var name = reader.Chars(columns.LsoaName, ref nameScratch).Trim();
                lsoa = tally.Lsoa(code, name);
                lsoaIds.Add(bytes, lsoa);
            }
        }

        tally.Add(PoliceUkTally.Key(month, force, lsoa, category));
        tally.Rows++;
    }

    private static (PoliceUkTally Tally, Columns Columns) Header(string path, CsvReader reader)
    {
        if (!Next(path, reader))
        {
            throw new ImportException(path, 1, "the file is empty: expected a data.police.uk header row.");
        }

        var names = new string[reader.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = reader.Text(i).Trim().TrimStart('\uFEFF');
        }

        int Index(string name) => Array.FindIndex(names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        var file = Path.GetFileName(path);

        if (Index("Crime type") >= 0 && Index("Falls within") >= 0 && Index("Month") >= 0)
        {
            return (new PoliceUkTally(PoliceUkFileKind.Street), new Columns(names.Length, Index("Month"), "Month", Index("Falls within"), -1,
                Index("Crime type"), "Crime type", -1, Required(Index("LSOA code"), "LSOA code"), Required(Index("LSOA name"), "LSOA name")));
        }

        if (Index("Outcome type") >= 0 && Index("Falls within") >= 0 && Index("Month") >= 0)
        {
            return (new PoliceUkTally(PoliceUkFileKind.Outcomes), new Columns(names.Length, Index("Month"), "Month", Index("Falls within"), -1,
                Index("Outcome type"), "Outcome type", -1, Required(Index("LSOA code"), "LSOA code"), Required(Index("LSOA name"), "LSOA name")));
        }

        if (Index("Date") >= 0 && Index("Type") >= 0 && Index("Object of search") >= 0)
        {
            var slug = ForceSlug(file) ?? throw new ImportException(path, 1,
                "a stop-and-search file must be named YYYY-MM-<force>-stop-and-search.csv so its force is known.");
            if (slug.Length > 100)
            {
                throw new ImportException(path, 1, "the force's part of the file name is longer than 100 characters.");
            }

            var tally = new PoliceUkTally(PoliceUkFileKind.StopAndSearch);
            var force = tally.Force(slug);
            var category = tally.Category("Stop and search");
            return (tally, new Columns(names.Length, Index("Date"), "Date", -1, force, -1, "", category, -1, -1));
        }

        throw new ImportException(path, 1,
            $"not a data.police.uk street, outcomes or stop-and-search file: the header is '{string.Join(',', names)}'; expected for example "
            + "'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context'.");

        int Required(int index, string name) =>
            index >= 0 ? index : throw new ImportException(path, 1, $"the header has no '{name}' column.");
    }

    /// <summary>"2020-03-city-of-london-stop-and-search.csv" → "city-of-london".</summary>
    internal static string? ForceSlug(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        foreach (var suffix in new[] { "-stop-and-search", "-street", "-outcomes" })
        {
            if (name.Length > 8 + suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name[7] == '-')
            {
                return name[8..^suffix.Length].ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>"2023-09" as bytes → month ordinal, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ParseMonth(ReadOnlySpan<byte> text)
    {
        if (text.Length != 7 || text[4] != (byte)'-')
        {
            return -1;
        }

        var year = 0;
        for (var i = 0; i < 4; i++)
        {
            var d = text[i] - '0';
            if (d is < 0 or > 9)
            {
                return -1;
            }

            year = (year * 10) + d;
        }

        int m1 = text[5] - '0', m2 = text[6] - '0';
        if (m1 is < 0 or > 9 || m2 is < 0 or > 9)
        {
            return -1;
        }

        var month = (m1 * 10) + m2;
        return year is < 1900 or > 2999 || month is < 1 or > 12 ? -1 : new ReportingMonth(year, month).Ordinal;
    }

    private readonly record struct Columns(
        int Count, int Month, string MonthName, int Force, int FixedForce, int Category, string CategoryName, int FixedCategory, int Lsoa, int LsoaName);
}
