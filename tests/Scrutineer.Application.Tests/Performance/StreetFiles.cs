using System.Globalization;
using System.Text;

namespace Scrutineer.Application.Tests.Performance;

/// <summary>Writes small data.police.uk-format street files into a temporary archive-like folder.</summary>
internal sealed class StreetFiles : IDisposable
{
    public const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    public StreetFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "scrutineer-tests", "police-uk-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>Writes YYYY-MM/YYYY-MM-essex-street.csv with the given rows (crime type, LSOA code, LSOA name, crime id).</summary>
    public string Write(string month, IEnumerable<(string Type, string Lsoa, string LsoaName, string Id)> rows, string force = "Essex Police", string slug = "essex")
    {
        var dir = Path.Combine(Folder, month);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{month}-{slug}-street.csv");
        var text = new StringBuilder(Header).Append('\n');
        foreach (var (type, lsoa, name, id) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{id},{month},{force},{force},0.5,51.7,\"On or near High Street, Basildon\",{lsoa},{name},{type},Under investigation,\n");
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>The same number of rows each month: n burglaries in Basildon, 2n ASB in Colchester, 1 unmapped robbery.</summary>
    public void WriteMonths(string first, int count, Func<int, int> burglaries)
    {
        var start = Domain.Periods.ReportingMonth.Parse(first);
        for (var i = 0; i < count; i++)
        {
            var month = start.Plus(i).ToString();
            var n = burglaries(i);
            var rows = Enumerable.Range(0, n).Select(j => ("Burglary", "E01021300", "Basildon 001A", $"b{i}-{j}"))
                .Concat(Enumerable.Range(0, 2 * n).Select(_ => ("Anti-social behaviour", "E01021500", "Colchester 002B", "")))
                .Append(("Robbery", "E01029919", "Babergh 007G", "dup"))
                .Append(("Robbery", "E01029919", "Babergh 007G", "dup"));
            Write(month, rows);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
