using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;

namespace Scrutineer.Application.Csv;

/// <summary>
/// The one CSV reader every import uses (data.police.uk files, measures, area mappings, delivery plans, quarterly
/// updates): RFC 4180 over UTF-8 bytes — quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF line
/// ends; a byte order mark at the start is skipped. Unquoted rows are split with vectorised searches and no allocation;
/// only rows holding a quote take the quote-aware path. Memory is one buffer the size of the longest record (at least
/// 64 KB), whatever the file's size. The <see cref="CsvLimits"/> are checked while reading, so a hostile file is refused
/// at the line that breaks one, before it is read to the end.
/// </summary>
/// <remarks>
/// A reader can read part of a file: from a stream positioned at a line start, up to the first record starting at or
/// after <c>stopAt</c> bytes, so that one large file is read on several cores (see <see cref="SawLineBreakInQuotes"/>).
/// </remarks>
internal sealed class CsvReader : IDisposable
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];
    private readonly Stream stream;
    private readonly CsvLimits limits;
    private readonly long stopAt;
    private readonly Action<long>? bytesRead;
    private readonly CancellationToken cancellationToken;
    private readonly int[] starts;
    private readonly int[] ends;
    private readonly bool[] quoted;
    private byte[] buffer;
    private int start, end, record;
    private long bufferOffset;
    private bool eof, first = true;
    private int reads;

    /// <param name="stream">UTF-8 text, read from its current position.</param>
    /// <param name="limits">What a record may hold, and the words a broken limit is refused in.</param>
    /// <param name="bytesRead">Told how many bytes each read from <paramref name="stream"/> returned (progress).</param>
    /// <param name="stopAt">No record starting this many bytes or more into the stream is read (the end of a part).</param>
    /// <param name="cancellationToken">Checked between reads from the stream.</param>
    public CsvReader(Stream stream, CsvLimits limits, Action<long>? bytesRead = null, long stopAt = long.MaxValue, CancellationToken cancellationToken = default)
    {
        this.stream = stream;
        this.limits = limits;
        this.stopAt = stopAt;
        this.bytesRead = bytesRead;
        this.cancellationToken = cancellationToken;
        starts = new int[limits.MaxFields];
        ends = new int[limits.MaxFields];
        quoted = new bool[limits.MaxFields];
        buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(limits.MaxRecordBytes + 2, 1 << 16, 1 << 20));
        first = !stream.CanSeek || stream.Position == 0;
    }

    /// <summary>The 1-based line the current record starts on.</summary>
    public long Line { get; private set; }

    /// <summary>The line the next record starts on (one past the last line read, at the end).</summary>
    public long NextLine { get; private set; } = 1;

    /// <summary>The number of fields in the current record (a blank line has one, empty).</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of the stream read as records so far: where the next record starts.</summary>
    public long Position => bufferOffset + start;

    /// <summary>The current record is a blank line.</summary>
    public bool IsBlank => Count == 1 && ends[0] == starts[0] && !quoted[0];

    /// <summary>Whether a record read held a line break inside quotes: a part of a file split at a line break may then not start at a record.</summary>
    public bool SawLineBreakInQuotes { get; private set; }

    /// <summary>Field <paramref name="index"/>'s bytes as written: without its enclosing quotes, doubled quotes left doubled.</summary>
    public ReadOnlySpan<byte> Raw(int index) => buffer.AsSpan(record + starts[index], ends[index] - starts[index]);

    /// <summary>Whether field <paramref name="index"/> was enclosed in quotes.</summary>
    public bool IsQuoted(int index) => quoted[index];

    /// <summary>Field <paramref name="index"/> as text: UTF-8 decoded (an invalid byte becomes U+FFFD), a doubled quote made single.</summary>
    public string Text(int index)
    {
        var text = Encoding.UTF8.GetString(Raw(index));
        return quoted[index] && text.Contains('"', StringComparison.Ordinal) ? text.Replace("\"\"", "\"", StringComparison.Ordinal) : text;
    }

    /// <summary>Field <paramref name="index"/> as text in <paramref name="scratch"/> (grown when too small), without allocating.</summary>
    public ReadOnlySpan<char> Chars(int index, ref char[] scratch)
    {
        var bytes = Raw(index);
        if (scratch.Length < bytes.Length)
        {
            scratch = new char[bytes.Length * 2];
        }

        var length = Encoding.UTF8.GetChars(bytes, scratch);
        if (!quoted[index] || scratch.AsSpan(0, length).IndexOf('"') < 0)
        {
            return scratch.AsSpan(0, length);
        }

        var written = 0;
        for (var i = 0; i < length; i++)
        {
            scratch[written++] = scratch[i];
            if (scratch[i] == '"' && i + 1 < length && scratch[i + 1] == '"')
            {
                i++;
            }
        }

        return scratch.AsSpan(0, written);
    }

    /// <summary>Moves to the next record. Returns false at the end of the stream (or of the part being read).</summary>
    /// <exception cref="CsvException">A limit broken, a quoted field not closed at the end, or text after a closing quote (with the line).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        while (true)
        {
            if (Position >= stopAt)
            {
                return false;
            }

            var data = buffer.AsSpan(start, end - start);
            if (first && (data.Length >= 3 || eof))
            {
                first = false;
                if (data.StartsWith(ByteOrderMark))
                {
                    start += 3;
                    continue;
                }
            }

            var newlines = 0;
            var consumed = first ? -1 : Split(data, out newlines);
            if (consumed < 0)
            {
                if (data.Length > limits.MaxRecordBytes + 1)
                {
                    throw new CsvException(NextLine, limits.RecordTooLong);
                }

                Fill();
                continue;
            }

            if (consumed == 0)
            {
                return false;
            }

            if (consumed > limits.MaxRecordBytes + 2)
            {
                throw new CsvException(NextLine, limits.RecordTooLong);
            }

            if (NextLine > limits.MaxLines)
            {
                throw new CsvException(NextLine, limits.TooManyLines);
            }

            Line = NextLine;
            NextLine += newlines;
            record = start;
            start += consumed;
            return true;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    private void Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            bufferOffset += start;
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            Buffer.BlockCopy(buffer, 0, bigger, 0, end);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = bigger;
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        eof = read == 0;
        end += read;
        bytesRead?.Invoke(read);
        if ((++reads & 15) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Finds the fields of the record at the start of <paramref name="data"/> (offsets from its start). Returns the
    /// bytes consumed (record and line break), 0 at the end of the stream, or −1 when the record is not complete yet.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Split(ReadOnlySpan<byte> data, out int newlines)
    {
        Count = 0;
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
                var comma = line[pos..].IndexOf((byte)',');
                Add(pos, comma < 0 ? line.Length : pos + comma, false);
                if (comma < 0)
                {
                    return consumed;
                }

                pos += comma + 1;
            }
        }

        // Quote-aware path: a quoted field may hold commas, doubled quotes and line breaks.
        var i = 0;
        while (true)
        {
            if (i < data.Length && data[i] == (byte)'"')
            {
                var j = i + 1;
                while (true)
                {
                    var q = j < data.Length ? data[j..].IndexOf((byte)'"') : -1;
                    if (q < 0)
                    {
                        return eof ? throw new CsvException(NextLine, "a quoted field is not closed before the end of the file: is a closing quote missing, or the file cut short?") : -1;
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

                var inside = data[(i + 1)..j].Count((byte)'\n');
                if (inside > 0)
                {
                    newlines += inside;
                    SawLineBreakInQuotes = true;
                }

                Add(i + 1, j, true);
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

                return data[i] == (byte)'\n' ? i + 1
                    : throw new CsvException(NextLine, "text after a closing quote: a quote inside a quoted field must be written twice (\"\").");
            }

            var k = data[i..].IndexOfAny((byte)',', (byte)'\n');
            if (k < 0)
            {
                if (!eof)
                {
                    return -1;
                }

                Add(i, data.Length > i && data[^1] == (byte)'\r' ? data.Length - 1 : data.Length, false);
                return data.Length;
            }

            var e = i + k;
            if (data[e] == (byte)',')
            {
                Add(i, e, false);
                i = e + 1;
                continue;
            }

            Add(i, e > i && data[e - 1] == (byte)'\r' ? e - 1 : e, false);
            return e + 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(int fieldStart, int fieldEnd, bool isQuoted)
    {
        if (Count == starts.Length)
        {
            throw new CsvException(NextLine, limits.TooManyFields);
        }

        starts[Count] = fieldStart;
        ends[Count] = fieldEnd;
        quoted[Count++] = isQuoted;
    }
}
