using System.Buffers;
using System.Globalization;
using System.Text;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Streams one data.police.uk CSV file into a <see cref="PoliceUkTally"/>: a hand-written reader over UTF-8 bytes
/// (no string per row, no per-row allocation) that splits unquoted rows with vectorised searches and falls back to a
/// quote-aware path (quoted fields, doubled quotes, line breaks inside quotes) only for rows that contain a quote.
/// Memory is one read buffer plus the tally, whatever the file's size.
/// </summary>
internal sealed class PoliceUkFileReader
{
    /// <summary>The most fields a row may have (a street file has 12, an outcomes file 10, stop and search 15).</summary>
    public const int MaxFields = 64;

    /// <summary>The longest row, line breaks in quotes included: 1 MB (a real row is a few hundred bytes).</summary>
    public const int MaxRowBytes = 1 << 20;

    /// <summary>The most lines one file may hold: 10 million (the largest force-month holds about 100,000 rows).</summary>
    public const long MaxLines = 10_000_000;

    private readonly string path;
    private readonly Action<long> bytesRead;
    private readonly char[][] scratch = [new char[512], new char[512], new char[512]];
    private readonly Memo forceMemo = new(), lsoaMemo = new(), categoryMemo = new();

    private PoliceUkFileReader(string path, Action<long> bytesRead)
    {
        this.path = path;
        this.bytesRead = bytesRead;
    }

    /// <summary>Reads <paramref name="path"/> into a new tally of the kind its header shows.</summary>
    /// <exception cref="ImportException">The header is not a data.police.uk header, or a row is malformed (file:line and why).</exception>
    public static PoliceUkTally Read(string path, Action<long> bytesRead, CancellationToken cancellationToken)
    {
        var reader = new PoliceUkFileReader(path, bytesRead);
        return reader.Run(cancellationToken);
    }

    private PoliceUkTally Run(CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            Span<int> starts = stackalloc int[MaxFields];
            Span<int> ends = stackalloc int[MaxFields];
            Span<bool> quoted = stackalloc bool[MaxFields];
            int start = 0, end = 0;
            var eof = false;
            long line = 1;
            PoliceUkTally? tally = null;
            Columns columns = default;
            var sinceCheck = 0;

            while (true)
            {
                var data = buffer.AsSpan(start, end - start);
                int consumed, count, newlines;
                try
                {
                    consumed = SplitRow(data, eof, starts, ends, quoted, out count, out newlines);
                }
                catch (FormatException ex)
                {
                    throw new ImportException(path, line, ex.Message);
                }

                if (consumed < 0)
                {
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }

                    if (end == buffer.Length)
                    {
                        if (buffer.Length >= MaxRowBytes)
                        {
                            throw new ImportException(path, line, $"a row longer than {MaxRowBytes >> 20} MB, the most a data.police.uk row may be: is a quote left open?");
                        }

                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = stream.Read(buffer, end, buffer.Length - end);
                    if (read == 0)
                    {
                        eof = true;
                    }

                    end += read;
                    bytesRead(read);
                    if (++sinceCheck >= 16)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        sinceCheck = 0;
                    }

                    continue;
                }

                if (consumed == 0)
                {
                    break;
                }

                var row = data[..consumed];
                if (tally is null)
                {
                    (tally, columns) = Header(row, starts[..count], ends[..count], quoted[..count]);
                }
                else if (!(count == 1 && ends[0] == starts[0]))
                {
                    try
                    {
                        CountRow(tally, columns, row, starts, ends, quoted, count, line);
                    }
                    catch (InvalidDataException ex)
                    {
                        throw new ImportException(path, line, ex.Message);
                    }
                }

                start += consumed;
                line += newlines;
                if (line > MaxLines + 1)
                {
                    throw new ImportException(path, line - 1, string.Create(CultureInfo.InvariantCulture, $"more than {MaxLines:N0} lines, the most one data.police.uk file may hold: split the file by month."));
                }
            }

            return tally ?? throw new ImportException(path, 1, "the file is empty: expected a data.police.uk header row.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void CountRow(PoliceUkTally tally, Columns columns, ReadOnlySpan<byte> row, Span<int> starts, Span<int> ends, Span<bool> quoted, int count, long line)
    {
        if (count != columns.Count)
        {
            throw new ImportException(path, line, $"expected {columns.Count} fields as in the header, found {count}.");
        }

        var monthBytes = row[starts[columns.Month]..ends[columns.Month]];
        if (tally.Kind == PoliceUkFileKind.StopAndSearch && monthBytes.Length >= 7)
        {
            monthBytes = monthBytes[..7];
        }

        var month = ParseMonth(monthBytes);
        if (month < 0)
        {
            throw new ImportException(path, line,
                $"{columns.MonthName} '{Encoding.UTF8.GetString(row[starts[columns.Month]..ends[columns.Month]])}' is not a month: expected YYYY-MM.");
        }

        int force;
        if (columns.Force < 0)
        {
            force = columns.FixedForce;
        }
        else
        {
            var bytes = row[starts[columns.Force]..ends[columns.Force]];
            if (!forceMemo.TryGet(bytes, out force))
            {
                var text = Decode(bytes, quoted[columns.Force], 0);
                if (text.IsEmpty)
                {
                    throw new ImportException(path, line, "Falls within is empty: expected the force's name.");
                }

                force = tally.Force(ImportText.Name(path, line, "Falls within", text, Area.NameMaxLength));
                forceMemo.Set(bytes, force);
            }
        }

        int category;
        if (columns.Category < 0)
        {
            category = columns.FixedCategory;
        }
        else
        {
            var bytes = row[starts[columns.Category]..ends[columns.Category]];
            if (!categoryMemo.TryGet(bytes, out category))
            {
                var text = Decode(bytes, quoted[columns.Category], 1);
                if (text.IsEmpty)
                {
                    throw new ImportException(path, line, $"{columns.CategoryName} is empty.");
                }

                // The category names a measure ("Outcome: " + the outcome type for outcome files).
                var max = Measure.NameMaxLength - (tally.Kind == PoliceUkFileKind.Outcomes ? "Outcome: ".Length : 0);
                category = tally.Category(ImportText.Name(path, line, columns.CategoryName, text, max));
                categoryMemo.Set(bytes, category);
            }
        }

        var lsoa = 0;
        if (columns.Lsoa >= 0)
        {
            var bytes = row[starts[columns.Lsoa]..ends[columns.Lsoa]];
            if (bytes.Length > 0 && !lsoaMemo.TryGet(bytes, out lsoa))
            {
                var code = Decode(bytes, quoted[columns.Lsoa], 1);
                var name = Decode(row[starts[columns.LsoaName]..ends[columns.LsoaName]], quoted[columns.LsoaName], 2);
                lsoa = tally.Lsoa(code, name);
                lsoaMemo.Set(bytes, lsoa);
            }
        }

        tally.Add(PoliceUkTally.Key(month, force, lsoa, category));
        tally.Rows++;
    }

    private (PoliceUkTally Tally, Columns Columns) Header(ReadOnlySpan<byte> row, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ReadOnlySpan<bool> quoted)
    {
        var names = new string[starts.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Decode(row[starts[i]..ends[i]], quoted[i], 0).ToString().Trim().TrimStart('\uFEFF');
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

    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> bytes, bool isQuoted, int slot)
    {
        var buffer = scratch[slot];
        if (buffer.Length < bytes.Length)
        {
            buffer = scratch[slot] = new char[bytes.Length * 2];
        }

        var length = Encoding.UTF8.GetChars(bytes, buffer);
        var text = buffer.AsSpan(0, length);
        if (isQuoted && text.Contains('"'))
        {
            var unescaped = text.ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
            unescaped.CopyTo(buffer);
            text = buffer.AsSpan(0, unescaped.Length);
        }

        return text.Trim();
    }

    /// <summary>"2023-09" as bytes → month ordinal, or −1.</summary>
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

    /// <summary>
    /// Finds the fields of the row at the start of <paramref name="data"/>. Returns the bytes consumed (row and line
    /// break), 0 at the end of the file, or −1 when the row is not complete in <paramref name="data"/> yet.
    /// </summary>
    /// <exception cref="FormatException">Too many fields, a quote left open at the end of the file, or text after a closing quote.</exception>
    internal static int SplitRow(ReadOnlySpan<byte> data, bool eof, Span<int> starts, Span<int> ends, Span<bool> quoted, out int count, out int newlines)
    {
        count = 0;
        newlines = 1;
        if (data.IsEmpty)
        {
            return eof ? 0 : -1;
        }

        var nl = data.IndexOf((byte)'\n');
        if (nl < 0 && !eof)
        {
            return -1;
        }

        var consumed = nl < 0 ? data.Length : nl + 1;
        var line = data[..(nl < 0 ? data.Length : nl)];
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (!line.Contains((byte)'"'))
        {
            var pos = 0;
            while (true)
            {
                if (count == starts.Length)
                {
                    throw new FormatException($"more than {starts.Length} fields, the most a data.police.uk row may have.");
                }

                var comma = line[pos..].IndexOf((byte)',');
                starts[count] = pos;
                quoted[count] = false;
                if (comma < 0)
                {
                    ends[count++] = line.Length;
                    return consumed;
                }

                ends[count++] = pos + comma;
                pos += comma + 1;
            }
        }

        // Quote-aware path: a quoted field may hold commas, doubled quotes and line breaks.
        var i = 0;
        while (true)
        {
            if (count == starts.Length)
            {
                throw new FormatException($"more than {starts.Length} fields, the most a data.police.uk row may have.");
            }

            if (i < data.Length && data[i] == (byte)'"')
            {
                var j = i + 1;
                while (true)
                {
                    var q = j < data.Length ? data[j..].IndexOf((byte)'"') : -1;
                    if (q < 0)
                    {
                        return eof ? throw new FormatException("a quoted field is not closed before the end of the file.") : -1;
                    }

                    j += q;
                    if (j + 1 < data.Length && data[j + 1] == (byte)'"')
                    {
                        j += 2;
                        continue;
                    }

                    if (j + 1 >= data.Length && !eof)
                    {
                        return -1;
                    }

                    break;
                }

                newlines += data[(i + 1)..j].Count((byte)'\n');
                starts[count] = i + 1;
                ends[count] = j;
                quoted[count++] = true;
                i = j + 1;
                if (i < data.Length && data[i] == (byte)',')
                {
                    i++;
                    continue;
                }

                if (i < data.Length && data[i] == (byte)'\r')
                {
                    i++;
                }

                if (i >= data.Length)
                {
                    return eof ? data.Length : -1;
                }

                return data[i] == (byte)'\n' ? i + 1 : throw new FormatException("unexpected text after a closing quote.");
            }

            var k = data[i..].IndexOfAny((byte)',', (byte)'\n');
            if (k < 0)
            {
                if (!eof)
                {
                    return -1;
                }

                starts[count] = i;
                ends[count] = data.Length > i && data[^1] == (byte)'\r' ? data.Length - 1 : data.Length;
                quoted[count++] = false;
                return data.Length;
            }

            var e = i + k;
            starts[count] = i;
            quoted[count] = false;
            if (data[e] == (byte)',')
            {
                ends[count++] = e;
                i = e + 1;
                continue;
            }

            ends[count++] = e > i && data[e - 1] == (byte)'\r' ? e - 1 : e;
            return e + 1;
        }
    }

    private readonly record struct Columns(
        int Count, int Month, string MonthName, int Force, int FixedForce, int Category, string CategoryName, int FixedCategory, int Lsoa, int LsoaName);

    /// <summary>The last value seen in a column and its id: consecutive rows often repeat it (same force, same place).</summary>
    private sealed class Memo
    {
        private byte[] bytes = new byte[128];
        private int length = -1;
        private int id;

        public bool TryGet(ReadOnlySpan<byte> value, out int found)
        {
            found = id;
            return length == value.Length && value.SequenceEqual(bytes.AsSpan(0, length));
        }

        public void Set(ReadOnlySpan<byte> value, int newId)
        {
            if (value.Length > bytes.Length)
            {
                bytes = new byte[value.Length * 2];
            }

            value.CopyTo(bytes);
            length = value.Length;
            id = newId;
        }
    }
}
