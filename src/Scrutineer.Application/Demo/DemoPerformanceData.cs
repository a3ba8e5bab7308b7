using System.Globalization;
using System.Text;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Application.Imports;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Demo;

/// <summary>
/// The demo force's performance data: Essex Police's three Local Policing Areas and ten districts (with the fourteen
/// local authorities mapped, so real data.police.uk files for Essex land in the same areas), ten years of synthetic
/// monthly counts for the crime prevention strands (April 2014 to March 2024: seasonality, trend, Poisson noise and a
/// few real shifts for SPC to find) and a handful of non-crime measures. Deterministic: fixed seeds, no clock.
/// </summary>
internal static class DemoPerformanceData
{
    /// <summary>The demo force's name, as data.police.uk's "Falls within" writes it.</summary>
    public const string Force = "Essex Police";

    /// <summary>The first month of demo data.</summary>
    public static readonly ReportingMonth First = new(2014, 4);

    /// <summary>The last month of demo data.</summary>
    public static readonly ReportingMonth Last = new(2024, 3);

    // District, LPA, share of the force's crime, local authorities (as in data.police.uk LSOA names).
    private static readonly (string District, string Lpa, double Weight, string[] Authorities)[] Districts =
    [
        ("Chelmsford & Maldon", "North", 0.13, ["Chelmsford", "Maldon"]),
        ("Braintree & Uttlesford", "North", 0.12, ["Braintree", "Uttlesford"]),
        ("Tendring", "North", 0.09, ["Tendring"]),
        ("Colchester", "North", 0.11, ["Colchester"]),
        ("Southend", "South", 0.12, ["Southend-on-Sea"]),
        ("Basildon", "South", 0.12, ["Basildon"]),
        ("Castle Point & Rochford", "South", 0.08, ["Castle Point", "Rochford"]),
        ("Thurrock", "West", 0.11, ["Thurrock"]),
        ("Harlow", "West", 0.05, ["Harlow"]),
        ("Epping Forest & Brentwood", "West", 0.07, ["Epping Forest", "Brentwood"]),
    ];

    private sealed record Strand(string Name, string Unit, BetterDirection Better, double MonthlyBase, double YearlyTrend, double Seasonality, string Definition,
        Func<ReportingMonth, double>? Shift = null);

    private static bool Lockdown(ReportingMonth m) => m >= new ReportingMonth(2020, 4) && m <= new ReportingMonth(2021, 5);

    private static readonly Strand[] Strands =
    [
        new("All crime", "crimes", BetterDirection.Lower, 12_400, 0.035, 0.08, "All police recorded crime (synthetic demo data).",
            m => Lockdown(m) ? 0.86 : 1),
        new("Domestic abuse", "crimes", BetterDirection.Lower, 2_150, 0.045, 0.07, "Crimes flagged as domestic abuse (synthetic demo data)."),
        new("Knife crime", "crimes", BetterDirection.Lower, 205, 0.02, 0.05, "Crimes involving a knife or sharp instrument, by keyword search (synthetic demo data).",
            m => m >= new ReportingMonth(2022, 10) ? 1.22 : 1),
        new("Hate crime", "crimes", BetterDirection.Neither, 245, 0.06, 0.06, "Crimes with a hate crime flag; more reporting is encouraged, so no direction is better (synthetic demo data)."),
        new("Residential burglary", "crimes", BetterDirection.Lower, 520, -0.045, 0.10, "Burglary of a dwelling (synthetic demo data).",
            m => Lockdown(m) ? 0.7 : 1),
        new("Robbery", "crimes", BetterDirection.Lower, 105, -0.01, 0.06, "Personal and business robbery (synthetic demo data).",
            m => m >= new ReportingMonth(2023, 4) ? 0.8 : 1),
        new("Sexual offences", "crimes", BetterDirection.Lower, 255, 0.05, 0.05, "Rape and other sexual offences (synthetic demo data)."),
        new("Cyber-enabled crime", "crimes", BetterDirection.Lower, 120, 0.08, 0.03, "Crimes flagged as cyber-enabled or online (synthetic demo data)."),
        new("Fraud", "crimes", BetterDirection.Lower, 95, 0.04, 0.03, "Fraud recorded by the force rather than Action Fraud (synthetic demo data)."),
        new("Night-time economy violence", "crimes", BetterDirection.Lower, 230, 0.0, 0.22, "Violence with injury on Friday and Saturday nights in town centres (synthetic demo data).",
            m => Lockdown(m) ? 0.35 : 1),
        new("Anti-social behaviour", "incidents", BetterDirection.Lower, 4_100, -0.06, 0.18, "Anti-social behaviour incidents (synthetic demo data)."),
    ];

    public static async Task AddAsync(ScrutineerDb db, DemoSettings settings, CancellationToken cancellationToken)
    {
        settings.Progress("Performance data: areas, ten years of monthly measures");
        var force = new Area(Force, AreaLevel.Force);
        var lpas = new[] { "North", "South", "West" }.ToDictionary(n => n, n => new Area(n, AreaLevel.LocalPolicingArea, force));
        var districts = Districts.Select(d => (d.District, d.Weight, Area: new Area(d.District, AreaLevel.District, lpas[d.Lpa]))).ToList();
        db.Areas.Add(force);
        db.Areas.AddRange(lpas.Values);
        db.Areas.AddRange(districts.Select(d => d.Area));
        foreach (var (district, authorities) in Districts.Select((d, i) => (districts[i].Area, d.Authorities)))
        {
            db.LsoaMappings.AddRange(authorities.Select(a => new LsoaMapping(a, district)));
        }

        var measures = Strands.Select(s => new Measure(s.Name, s.Unit, MeasureKind.Count, s.Better, s.Definition, "Demo force (synthetic)")).ToList();
        var officers = new Measure("Police officers", "officers (headcount)", MeasureKind.Headcount, BetterDirection.Higher,
            "Police officers in post at the end of the month (synthetic demo data).", "Demo force (synthetic)");
        var calls = new Measure("999 calls answered within 10 seconds", "%", MeasureKind.Rate, BetterDirection.Higher,
            "999 calls answered within 10 seconds, of all 999 calls (synthetic demo data).", "Demo force (synthetic)");
        var dvpo = new Measure("DVPN to DVPO conversion", "%", MeasureKind.Rate, BetterDirection.Higher,
            "Domestic Violence Protection Orders granted, of Notices issued, by quarter (synthetic demo data).", "Demo force (synthetic)");
        var satisfaction = new Measure("Victim satisfaction", "%", MeasureKind.Percentage, BetterDirection.Higher,
            "Victims satisfied with the whole experience, by quarter (synthetic demo survey).", "Demo force (synthetic)");
        var specials = new Measure("Special constables", "officers (headcount)", MeasureKind.Headcount, BetterDirection.Higher,
            "Special constables in post at the end of the quarter (synthetic demo data).", "Demo force (synthetic)");
        db.Measures.AddRange(measures);
        db.Measures.AddRange(officers, calls, dvpo, satisfaction, specials);
        await db.SaveChangesAsync(cancellationToken);

        var rows = new List<ObservationRow>();
        var months = Last.Ordinal - First.Ordinal + 1;
        for (var s = 0; s < Strands.Length; s++)
        {
            var strand = Strands[s];
            var random = new Random(1000 + s);
            var lpaTotals = new Dictionary<(int, int), long>();
            for (var i = 0; i < months; i++)
            {
                var month = First.Plus(i);
                var years = i / 12.0;
                var season = 1 + (strand.Seasonality * Math.Sin(2 * Math.PI * (month.Month - 4) / 12.0));
                var level = strand.MonthlyBase * Math.Pow(1 + strand.YearlyTrend, years) * season * (strand.Shift?.Invoke(month) ?? 1);
                long forceTotal = 0;
                foreach (var (_, weight, area) in districts)
                {
                    var value = Poisson(random, level * weight);
                    rows.Add(new ObservationRow(measures[s].Id, area.Id, PeriodKind.Month, month, value));
                    forceTotal += value;
                    var key = (area.ParentId ?? area.Parent!.Id, i);
                    lpaTotals[key] = lpaTotals.GetValueOrDefault(key) + value;
                }

                rows.Add(new ObservationRow(measures[s].Id, force.Id, PeriodKind.Month, month, forceTotal));
            }

            rows.AddRange(lpaTotals.Select(t => new ObservationRow(measures[s].Id, t.Key.Item1, PeriodKind.Month, First.Plus(t.Key.Item2), t.Value)));
        }

        var other = new Random(77);
        for (var i = 0; i < months; i++)
        {
            var month = First.Plus(i);
            // Officers: flat, then the national uplift from autumn 2019.
            var headcount = 2_950 + (i * 1.5) + (month >= new ReportingMonth(2019, 10) ? Math.Min(650, (month.Ordinal - new ReportingMonth(2019, 10).Ordinal) * 16) : 0);
            rows.Add(new ObservationRow(officers.Id, force.Id, PeriodKind.Month, month, Math.Round((decimal)headcount + other.Next(-8, 9))));
            var total = 9_000 + other.Next(0, 1_500) + (int)(1_200 * Math.Sin(2 * Math.PI * (month.Month - 4) / 12.0));
            var answered = (int)(total * (0.86 + (other.NextDouble() * 0.06) + (month >= new ReportingMonth(2022, 4) ? 0.03 : 0)));
            rows.Add(new ObservationRow(calls.Id, force.Id, PeriodKind.Month, month, Percent(answered, total), answered, total));
            if (month.Month % 3 == 1)
            {
                var quarterStart = month.FinancialQuarter.FirstMonth;
                var notices = 150 + other.Next(0, 70);
                var orders = (int)(notices * (0.84 + (other.NextDouble() * 0.1)));
                rows.Add(new ObservationRow(dvpo.Id, force.Id, PeriodKind.Quarter, quarterStart, Percent(orders, notices), orders, notices));
                rows.Add(new ObservationRow(satisfaction.Id, force.Id, PeriodKind.Quarter, quarterStart, Math.Round((decimal)(74 + (other.NextDouble() * 8)), 1)));
                rows.Add(new ObservationRow(specials.Id, force.Id, PeriodKind.Quarter, quarterStart, 430 + (i / 3) + other.Next(-10, 11)));
            }
        }

        await ObservationWriter.InsertAsync(db, rows, cancellationToken);

        if (settings.FilesFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            var mapping = new StringBuilder("lsoa,district,lpa,force\n");
            foreach (var d in Districts)
            {
                foreach (var a in d.Authorities)
                {
                    mapping.Append(CultureInfo.InvariantCulture, $"{a},{d.District},{d.Lpa},{Force}\n");
                }
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "essex-areas.csv"), mapping.ToString(), cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "measures-example.csv"),
                "measure,area,period,value,numerator,denominator\n"
                + "DVPN to DVPO conversion,Essex Police,Q2 2023/24,,185,205\n"
                + "Police officers,Essex Police,2023-09,3612,,\n", cancellationToken);
        }
    }

    private static decimal Percent(int numerator, int denominator) => Math.Round(numerator * 100m / denominator, 4, MidpointRounding.AwayFromZero);

    /// <summary>A Poisson draw: Knuth's method for small means, a rounded normal approximation above 30.</summary>
    private static long Poisson(Random random, double mean)
    {
        if (mean > 30)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            return Math.Max(0, (long)Math.Round(mean + (Math.Sqrt(mean) * normal)));
        }

        var limit = Math.Exp(-mean);
        long k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }
}
