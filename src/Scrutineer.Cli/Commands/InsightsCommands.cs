using System.CommandLine;
using System.Globalization;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer insights rolling12|spc|years</c>: comparisons, charts and verdicts from the stored data.</summary>
internal static class InsightsCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var insights = new Command("insights", "Performance insights: rolling 12-month comparisons with a verdict, SPC charts, financial-year totals.");
        insights.Subcommands.Add(Rolling12(context));
        insights.Subcommands.Add(Spc(context));
        insights.Subcommands.Add(Years(context));
        yield return insights;
    }

    private static Command Rolling12(CliContext context)
    {
        var to = new Option<string?>("--to") { Description = "The last month of the latest 12 (YYYY-MM; default the latest confirmed month with data)." };
        var area = new Option<string?>("--area") { Description = "Only this area." };
        var measure = new Option<string?>("--measure") { Description = "Only this measure." };
        var format = Listing.FormatOption();
        var command = new Command("rolling12", "The 12 months to a month against the 12 before: totals, difference, % change and whether the change is significant.")
        {
            to, area, measure, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(to) is { } text ? ParseMonth(text, "--to") : (ReportingMonth?)null;
            await using var db = await context.OpenStoreAsync(parse, ct);
            var month = given ?? await LatestMonth.ConfirmedAsync(db, ct)
                ?? throw new DomainException("The store holds no monthly data: import some first, or give --to YYYY-MM.");
            var rows = await new PerformanceQueries(db).Rolling12Async(month, parse.GetValue(measure), parse.GetValue(area), ct);
            var outputFormat = parse.GetValue(format);
            if (outputFormat == OutputFormat.Table)
            {
                await context.Out.WriteLineAsync(
                    $"12 months to {month.LongLabel} ({month.Plus(-11).ShortLabel}–{month.ShortLabel}) vs the 12 months before ({month.Plus(-23).ShortLabel}–{month.Plus(-12).ShortLabel})");
                var table = new Listing("Measure", "Area", "Previous 12m", "Latest 12m", "Difference", "% change", "Verdict");
                foreach (var r in rows)
                {
                    table.Add(r.Measure, r.Area, r.Previous12Months, r.Latest12Months, new Signed(Figures.Difference(r.Difference)),
                        new Signed(Figures.SignedPercent(r.Result.Comparison.PercentChange)), r.Verdict);
                }

                table.Write(context.Out, OutputFormat.Table);
                await context.Out.WriteLineAsync(
                    "Verdict: conditional exact test for two Poisson counts, two-sided, 5% level; a small base is a previous total under "
                    + $"{CountComparison.SmallBaseThreshold}.");
            }
            else
            {
                var listing = new Listing("measure", "area", "previous_12m", "latest_12m", "difference", "percent_change", "significant");
                foreach (var r in rows)
                {
                    listing.Add(r.Measure, r.Area, r.Previous12Months, r.Latest12Months, r.Difference, r.PercentChange, r.Significant);
                }

                listing.Write(context.Out, outputFormat);
            }

            return 0;
        });
        return command;
    }

    private static Command Spc(CliContext context)
    {
        var measure = new Option<string>("--measure") { Description = "The measure.", Required = true };
        var area = new Option<string?>("--area") { Description = "The area (default: the force whose figures the store holds)." };
        var from = new Option<string?>("--from") { Description = "First month (YYYY-MM); default the first with data." };
        var to = new Option<string?>("--to") { Description = "Last month (YYYY-MM); default the last with data." };
        var baseline = new Option<int?>("--baseline") { Description = "Fix the mean and limits on the first N points." };
        var target = new Option<decimal?>("--target") { Description = "A target, for the assurance verdict." };
        var format = Listing.FormatOption();
        var command = new Command("spc", "An XmR chart (NHS England 'Making Data Count'): mean, process limits, special-cause points, variation and assurance.")
        {
            measure, area, from, to, baseline, target, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var fromMonth = parse.GetValue(from) is { } f ? ParseMonth(f, "--from") : (ReportingMonth?)null;
            var toMonth = parse.GetValue(to) is { } t ? ParseMonth(t, "--to") : (ReportingMonth?)null;
            await using var db = await context.OpenStoreAsync(parse, ct);
            var result = await new PerformanceQueries(db).SpcAsync(parse.GetValue(measure)!, await AreaAsync(db, parse.GetValue(area), ct), fromMonth, toMonth,
                parse.GetValue(baseline), parse.GetValue(target), ct);
            var chart = result.Chart;
            var outputFormat = parse.GetValue(format);
            var listing = new Listing("month", "value", "mean", "lower_limit", "upper_limit", "moving_range", "rules", "variation");
            foreach (var p in chart.Points)
            {
                listing.Add(p.Month.ToString(), p.Value, Round(chart.Mean), Round(chart.LowerLimit), Round(chart.UpperLimit),
                    p.MovingRange, p.Rules == SpcRules.None ? "" : p.Rules.ToString(), Variation(p.Variation));
            }

            if (outputFormat == OutputFormat.Table)
            {
                await context.Out.WriteLineAsync(
                    $"{result.Measure}, {result.Area}: XmR chart of {chart.Points.Count} months ({chart.Points[0].Month.ShortLabel}–{chart.Points[^1].Month.ShortLabel}), "
                    + $"limits from the first {chart.BaselinePoints} point(s).");
                await context.Out.WriteLineAsync(
                    $"Mean {Figures.Number(chart.Mean)}; mean moving range {Figures.Number(chart.MeanMovingRange)}; "
                    + $"process limits {Figures.Number(chart.LowerLimit)} to {Figures.Number(chart.UpperLimit)}.");
                listing.Write(context.Out, OutputFormat.Table);
                await context.Out.WriteLineAsync($"Latest point: {Variation(chart.LatestVariation)}. Assurance: {Assurance(chart.Assurance)}."
                    + (chart.FewPoints ? $" Fewer than {XmrChart.RecommendedMinimumPoints} points: read the limits with care." : ""));
            }
            else
            {
                listing.Write(context.Out, outputFormat);
            }

            return 0;
        });
        return command;
    }

    private static Command Years(CliContext context)
    {
        var measure = new Option<string>("--measure") { Description = "The measure.", Required = true };
        var area = new Option<string?>("--area") { Description = "The area (default: the force whose figures the store holds)." };
        var format = Listing.FormatOption();
        var command = new Command("years", "Financial-year (April–March) totals, each complete year against the one before.") { measure, area, format };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var result = await new PerformanceQueries(db).FinancialYearsAsync(parse.GetValue(measure)!, await AreaAsync(db, parse.GetValue(area), ct), ct);
            var outputFormat = parse.GetValue(format);
            if (outputFormat == OutputFormat.Table)
            {
                await context.Out.WriteLineAsync($"{result.Measure}, {result.Area}: financial years (April–March)");
                var table = new Listing("Year", "Total", "Months", "Difference", "% change", "Verdict");
                foreach (var y in result.Years)
                {
                    var c = y.VersusPreviousYear;
                    table.Add(y.Total.Year.ToString(), y.Total.Total, y.Total.Months, c is null ? null : new Signed(Figures.Difference(c.Difference)),
                        c is null ? null : new Signed(Figures.SignedPercent(c.PercentChange)), c?.Verdict ?? (y.Total.Complete ? "" : "incomplete year"));
                }

                table.Write(context.Out, OutputFormat.Table);
            }
            else
            {
                var listing = new Listing("year", "total", "months", "difference", "percent_change", "significant");
                foreach (var y in result.Years)
                {
                    var c = y.VersusPreviousYear;
                    listing.Add(y.Total.Year.ToString(), y.Total.Total, y.Total.Months, c?.Difference,
                        c?.PercentChange is { } p ? Figures.RoundPercent(p) : null, c?.Significant);
                }

                listing.Write(context.Out, outputFormat);
            }

            return 0;
        });
        return command;
    }

    private static ReportingMonth ParseMonth(string text, string option) =>
        ReportingMonth.TryParse(text, out var month) ? month : throw new CliException($"{option} '{text}' is not a month: expected YYYY-MM, for example 2023-09.");

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Variation(SpcVariation variation) => variation switch
    {
        SpcVariation.CommonCause => "common cause",
        SpcVariation.Improvement => "special cause: improvement",
        SpcVariation.Concern => "special cause: concern",
        SpcVariation.Neutral => "special cause: neither",
    };

    private static string Assurance(SpcAssurance assurance) => assurance switch
    {
        SpcAssurance.NotApplicable => "none (no target, or no better direction)",
        SpcAssurance.ConsistentlyPass => "the process will consistently meet the target",
        SpcAssurance.HitAndMiss => "the process will hit and miss the target",
        SpcAssurance.ConsistentlyFail => "the process will consistently miss the target",
    };

    /// <summary>A signed figure already formatted for print ("+886", "−2.2%"): right-aligned in tables like numbers.</summary>
    private sealed record Signed(string Text) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => Text;

        public override string ToString() => Text;
    }

    private static async Task<string> AreaAsync(ScrutineerDb db, string? given, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(given)
            ? await ForceArea.DefaultAsync(db, ct) ?? throw new DomainException("The store holds no force area: import some figures first, or give --area.")
            : given;
}
