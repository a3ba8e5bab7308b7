using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Tests.Performance;

/// <summary>Test data for peer groups and harm: forces made by an area mapping, monthly counts by a tidy measures file.</summary>
internal static class PeerData
{
    public static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Adds force-level areas with one district each.</summary>
    public static async Task ForcesAsync(ScrutineerDb db, params string[] forces) =>
        await new AreaMappingImport(db).ImportAsync(Temp("lsoa,district,lpa,force\n" + string.Concat(forces.Select((f, i) => $"L{i},{f} district,,{f}\n"))));

    /// <summary>Writes <paramref name="perMonth"/> of <paramref name="measure"/> for each month of the 12 to <paramref name="to"/> (and the 12 before when asked).</summary>
    public static async Task MonthlyAsync(ScrutineerDb db, string measure, string force, int perMonth, ReportingMonth to, int months = 12)
    {
        var lines = Enumerable.Range(0, months).Select(i => $"{measure},{force},{to.Plus(-i)},{perMonth}");
        var result = await new MeasuresImport(db).ImportAsync(Temp("measure,area,period,value\n" + string.Join('\n', lines) + "\n"));
        if (result.Run.Held.Count > 0)
        {
            // Test figures are flat, so the plausibility rule may hold a month; these are the figures of record.
            await ImportRuns.ConfirmAsync(db, result.Run.Id);
        }
    }
}
