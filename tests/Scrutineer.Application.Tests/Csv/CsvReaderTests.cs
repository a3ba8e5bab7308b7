using System.Text;
using Scrutineer.Application.Csv;

namespace Scrutineer.Application.Tests.Csv;

/// <summary>The one CSV reader: RFC 4180 quoting, byte order mark, line ends, limits and reading a file in parts.</summary>
public sealed class CsvReaderTests
{
    private static readonly CsvLimits Limits = new(1000, 40, 4, 6,
        bytes => $"the file is {bytes} bytes.", "a record longer than 40 bytes.", "more than 4 fields.", "more than 6 lines.");

    private static List<(long Line, string[] Fields)> Records(string text, long stopAt = long.MaxValue) => Records(Encoding.UTF8.GetBytes(text), stopAt);

    private static List<(long Line, string[] Fields)> Records(byte[] bytes, long stopAt = long.MaxValue, int skip = 0)
    {
        using var stream = new MemoryStream(bytes);
        stream.Position = skip;
        using var reader = new CsvReader(stream, Limits, stopAt: stopAt);
        var records = new List<(long, string[])>();
        while (reader.Read())
        {
            records.Add((reader.Line, Enumerable.Range(0, reader.Count).Select(reader.Text).ToArray()));
        }

        return records;
    }

    [Fact]
    public void Read_QuotedCommaDoubledQuoteAndLineBreak_OneFieldEachAndLinesCounted()
    {
        var records = Records("a,\"b,c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,\"\"\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(1, records[0].Line);
        Assert.Equal(["a", "b,c", "say \"hi\""], records[0].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["two\nlines", "x"], records[1].Fields);
        Assert.Equal(4, records[2].Line);
        Assert.Equal(["last", ""], records[2].Fields);
    }

    [Fact]
    public void Read_ByteOrderMarkAndCrLf_NeitherInTheFields()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Month,Force\r\n2024-01,\"Essex\r\nPolice\"\r\nlast,x")).ToArray();

        var records = Records(bytes);

        Assert.Equal(["Month", "Force"], records[0].Fields);
        Assert.Equal(["2024-01", "Essex\r\nPolice"], records[1].Fields);
        Assert.Equal(4, records[2].Line);
        Assert.Equal(["last", "x"], records[2].Fields);
    }

    [Fact]
    public void Read_BlankLine_OneEmptyFieldMarkedBlank()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a\n\nb\n"));
        using var reader = new CsvReader(stream, Limits);

        Assert.True(reader.Read());
        Assert.False(reader.IsBlank);
        Assert.True(reader.Read());
        Assert.True(reader.IsBlank);
        Assert.Equal(2, reader.Line);
    }

    [Theory]
    [InlineData("a,b\nc,d,e,f,g\n", 2, "more than 4 fields.")]
    [InlineData("a\n\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n", 2, "a record longer than 40 bytes.")]
    [InlineData("a\nb\nc\nd\ne\nf\ng\n", 7, "more than 6 lines.")]
    [InlineData("a\nb,\"open\n\n", 2, "a quoted field is not closed before the end of the file: is a closing quote missing, or the file cut short?")]
    [InlineData("a\n\"b\"c,d\n", 2, "text after a closing quote: a quote inside a quoted field must be written twice (\"\").")]
    public void Read_BrokenFile_RefusedAtTheLineWithTheReason(string text, long line, string problem)
    {
        var error = Assert.Throws<CsvException>(() => Records(text));

        Assert.Equal(line, error.Line);
        Assert.Equal(problem, error.Message);
    }

    [Fact]
    public void CheckFileSize_LargerThanTheLimit_RefusedInTheCallersWords()
    {
        Limits.CheckFileSize(1000);

        var error = Assert.Throws<CsvException>(() => Limits.CheckFileSize(1001));

        Assert.Equal("the file is 1001 bytes.", error.Message);
    }

    [Fact]
    public void Read_InParts_EachRecordReadOnceByThePartItStartsIn()
    {
        var bytes = Encoding.UTF8.GetBytes("a,1\nb,2\nc,3\nd,4\n");

        var first = Records(bytes, stopAt: 8);
        var second = Records(bytes, skip: 8);

        Assert.Equal(["a", "b"], first.Select(r => r.Fields[0]));
        Assert.Equal(["c", "d"], second.Select(r => r.Fields[0]));
    }

    [Fact]
    public void SawLineBreakInQuotes_OnlyForAQuotedLineBreak()
    {
        using var plain = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes("\"a,b\",c\nd\n")), Limits);
        using var broken = new CsvReader(new MemoryStream(Encoding.UTF8.GetBytes("\"a\nb\",c\n")), Limits);
        while (plain.Read() | broken.Read())
        {
        }

        Assert.False(plain.SawLineBreakInQuotes);
        Assert.True(broken.SawLineBreakInQuotes);
    }
}
