using System.Globalization;
using System.Text;
using Scrutineer.Application.Performance;

namespace Scrutineer.Application.Tests.Performance;

/// <summary>One data.police.uk file read in parts on several cores counts exactly what reading it whole counts.</summary>
public sealed class PoliceUkFileReaderTests
{
    private static string Write(StreetFiles files, int rows, Func<int, string>? location = null)
    {
        var path = Path.Combine(files.Folder, "2023-01-essex-street.csv");
        var text = new StringBuilder(StreetFiles.Header).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            var type = (i % 3) switch { 0 => "Burglary", 1 => "Anti-social behaviour", _ => "Vehicle crime" };
            text.Append(CultureInfo.InvariantCulture,
                $"id{i},2023-0{1 + (i % 4)},Essex Police,Essex Police,0.5,51.7,{location?.Invoke(i) ?? "On or near High Street"},E0102{i % 97:0000},Basildon {i % 97:000}A,{type},,\r\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static Dictionary<string, long> Counts(PoliceUkTally tally) => tally.Counts.ToDictionary(
        c =>
        {
            var (month, force, lsoa, category) = PoliceUkTally.Unpack(c.Key);
            return $"{month} {tally.Forces[force]} {tally.Lsoas[lsoa]} {tally.LsoaNames[lsoa]} {tally.Categories[category]}";
        },
        c => c.Value);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void ReadInParts_AnyNumberOfParts_SameCountsAsWhole(int parts)
    {
        using var files = new StreetFiles();
        var path = Write(files, 5_000);

        var whole = PoliceUkFileReader.ReadWhole(path, null, default);
        var inParts = PoliceUkFileReader.ReadInParts(path, parts, _ => { }, default);

        Assert.Equal(5_000, whole.Rows);
        Assert.Equal(whole.Rows, inParts.Rows);
        Assert.Equal(Counts(whole).OrderBy(c => c.Key), Counts(inParts).OrderBy(c => c.Key));
    }

    [Fact]
    public void ReadInParts_LineBreakInsideQuotes_ReadWholeInstead()
    {
        using var files = new StreetFiles();
        // Every row's location holds a quoted line break: a part split at a line break would start inside a field.
        var path = Write(files, 3_000, i => $"\"On or near\nHigh Street, {i}\"");

        var inParts = PoliceUkFileReader.ReadInParts(path, 3, _ => { }, default);

        Assert.Equal(3_000, inParts.Rows);
        Assert.Equal(Counts(PoliceUkFileReader.ReadWhole(path, null, default)).OrderBy(c => c.Key), Counts(inParts).OrderBy(c => c.Key));
    }

    [Fact]
    public void Read_AZipArchive_SaysToUnzipItRatherThanReadingItsBytesAsAHeader()
    {
        using var files = new StreetFiles();
        var csv = Write(files, 10);
        var zip = csv + ".zip";
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            System.IO.Compression.ZipFileExtensions.CreateEntryFromFile(archive, csv, "2023-01/2023-01-essex-street.csv");
        }

        var error = Assert.Throws<ImportException>(() => PoliceUkFileReader.Read(zip, _ => { }, default));

        Assert.Equal(1, error.Line);
        Assert.Equal("this is a zip archive, not a CSV file: unzip it first (data.police.uk's archive holds a folder per month) and import the folder.", error.Problem);
    }

    [Fact]
    public void FindFiles_AFolderHoldingOnlyTheZip_SaysToUnzipIt()
    {
        using var files = new StreetFiles();
        File.WriteAllBytes(Path.Combine(files.Folder, "police-uk-archive.zip"), [0x50, 0x4B, 3, 4]);

        var error = Assert.Throws<Domain.Common.DomainException>(() => PoliceUkImport.FindFiles([files.Folder]));

        Assert.EndsWith("The folder holds a zip archive (police-uk-archive.zip): unzip it first and import the folder it makes.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadInParts_BadRowInTheLastPart_LineCountedFromTheStartOfTheFile()
    {
        using var files = new StreetFiles();
        var path = Write(files, 3_000);
        File.AppendAllText(path, "bad,2023-13,Essex Police,Essex Police,0.5,51.7,On or near X,E01021300,Basildon 001A,Burglary,,\r\n");

        var error = Assert.Throws<ImportException>(() => PoliceUkFileReader.ReadInParts(path, 3, _ => { }, default));

        Assert.Equal(3_002, error.Line);
        Assert.Equal("Month '2023-13' is not a month: expected YYYY-MM.", error.Problem);
    }
}
