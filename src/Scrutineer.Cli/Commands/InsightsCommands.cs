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
        insights.Subcommands.Add(Peers(context));
        insights.Subcommands.Add(Harm(context));
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
            var comparisons = await new PerformanceQueries(db).Rolling12Async(month, parse.GetValue(measure), parse.GetValue(area), ct);
            var rows = comparisons.Rows;
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
                if (comparisons.LeftOutText is { } leftOut)
                {
                    await context.Out.WriteLineAsync(leftOut);
                }
            }
            else
            {
                var listing = new Listing("measure", "area", "previous_12m", "latest_12m", "difference", "percent_change", "significant");
                foreach (var r in rows)
                {
                    listing.Add(r.Measure, r.Area, r.Previous12Months, r.Latest12Months, r.Difference, r.PercentChange, r.Significant);
                }

                listing.Write(context.Out, outputFormat);
                if (comparisons.LeftOutText is { } leftOut)
                {
                    // The file stays data alone; who is left out goes beside it.
                    await context.Error.WriteLineAsync(leftOut);
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Spc(CliContext context)
    {
        var measure = new Option<string>("--measure") { Description = "The measure.", Required = true };
        var area = new Option<string?>("--area") { Description = "The area (default: the plan's force, else the one force with a peer group, else the force with most figures)." };
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
                    + $"limits from the first {Figures.Count(chart.BaselinePoints, "point", "points")}.");
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
        var area = new Option<string?>("--area") { Description = "The area (default: the plan's force, else the one force with a peer group, else the force with most figures)." };
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

    private static Command Peers(CliContext context)
    {
        var measure = new Option<string>("--measure") { Description = "The measure (a crime type, or any measure the store holds).", Required = true };
        var force = new Option<string?>("--force") { Description = "The force (default: the plan's force, else the one force with a peer group, else the force with most figures); 'Essex' finds 'Essex Police'." };
        var to = new Option<string?>("--to") { Description = "The last of the 12 months (YYYY-MM; default the latest confirmed month with data)." };
        var format = Listing.FormatOption();
        var command = new Command("peers", "A force beside its peer group of most similar forces over 12 months: each force's count (per 1,000 population where loaded), "
            + "its rank, the peers' average, and whether the force differs from it significantly.") { measure, force, to, format };
        command.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(to) is { } text ? ParseMonth(text, "--to") : (ReportingMonth?)null;
            await using var db = await context.OpenStoreAsync(parse, ct);
            var month = given ?? await LatestMonth.ConfirmedAsync(db, ct)
                ?? throw new DomainException("The store holds no monthly data: import some first, or give --to YYYY-MM.");
            var result = await PeerComparisons.CompareAsync(db, parse.GetValue(measure)!, await PeerGroups.ForceOrDefaultAsync(db, parse.GetValue(force), ct), month, ct);
            if (result.NothingRanked is { } nothing)
            {
                // Nothing was compared: no table a script could take for an answer, only why.
                throw new DomainException(nothing);
            }

            var outputFormat = parse.GetValue(format);
            var perThousand = result.Basis == PeerBasis.PerThousand;
            var decimals = result.Decimals;
            if (outputFormat == OutputFormat.Table)
            {
                var peers = result.Rows.Where(r => !r.IsForce).Select(r => r.Force).Order(StringComparer.OrdinalIgnoreCase);
                await context.Out.WriteLineAsync(result.Basis == PeerBasis.Values
                    ? $"{result.Measure}, {result.To.LongLabel}: {result.Force} beside its peer group"
                    : $"{result.Measure}, 12 months to {result.To.LongLabel} ({result.From.ShortLabel}–{result.To.ShortLabel}): {result.Force} beside its peer group");
                await context.Out.WriteLineAsync($"Peer group on {result.GroupOn.ToString("d MMMM yyyy", EnGb.Culture)}: {string.Join(", ", peers)}. Compared on {result.BasisText}.");
                var table = perThousand
                    ? new Listing("Rank", "Force", result.FigureHeading, "Population", "Per 1,000")
                    : new Listing("Rank", "Force", result.FigureHeading);
                foreach (var r in result.Rows)
                {
                    var name = r.IsForce ? r.Force + " (this force)" : r.Force;
                    var count = r.Count is { } c ? (object)(result.Basis == PeerBasis.Values ? new Signed(Figures.Number(c, 2)) : (long)c) : new Signed(r.Missing is null ? "" : "missing " + r.Missing);
                    if (perThousand)
                    {
                        table.Add(r.Rank, name, count, r.Population is { } p ? (long)p : null, r.Value is { } v ? new Signed(Figures.Number(v, decimals)) : null);
                    }
                    else
                    {
                        table.Add(r.Rank, name, count);
                    }
                }

                table.Write(context.Out, OutputFormat.Table);
                var own = result.ForceRow;
                var peerCount = result.Rows.Count(r => !r.IsForce && r.Rank is not null);
                if (result.GroupAverage is { } average)
                {
                    await context.Out.WriteLineAsync(
                        $"Peer average ({Figures.Count(peerCount, "peer", "peers")}, {result.Force} excluded): {Figures.Number(average, decimals)}{(perThousand ? " per 1,000" : "")}; "
                        + $"with {result.Force}: {Figures.Number(result.AverageWithForce!.Value, decimals)}{(perThousand ? " per 1,000" : "")}.");
                }

                if (own.Rank is { } rank)
                {
                    var against = result.GroupAverage is { } avg && own.Value is { } value ? $" {result.Force} against the peer average: {Figures.SignedPercent(Figures.PercentChange(avg, value))}, {result.Verdict}." : "";
                    await context.Out.WriteLineAsync($"{result.Force} ranks {rank} of {result.Ranked} (1 = highest).{against}");
                }
                else
                {
                    await context.Out.WriteLineAsync($"{result.Force} has no figures for {own.Missing}: it is not ranked.");
                }

                if (result.Held is { } held)
                {
                    await context.Out.WriteLineAsync($"Missing months: {held}.");
                }

                if (result.Versus is not null)
                {
                    await context.Out.WriteLineAsync("Test: conditional exact test for two Poisson counts with unequal exposures (the force against its peers' total; "
                        + (perThousand ? "exposures are populations" : "the force against the peers' average count") + "), two-sided, 5% level.");
                }
            }
            else
            {
                var listing = new Listing("force", "count", "rank", "group_average", "basis", "per_1000", "population", "significant", "average_with_force", "this_force", "missing");
                foreach (var r in result.Rows)
                {
                    listing.Add(r.Force, r.Count is { } c && result.Basis != PeerBasis.Values ? (long)c : r.Count, r.Rank, Round(result.GroupAverage, decimals),
                        Basis(result.Basis), perThousand && r.Value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null, r.Population is { } p ? (long)p : null,
                        r.IsForce ? result.Versus?.Significant : null, Round(result.AverageWithForce, decimals), r.IsForce, r.Missing);
                }

                listing.Write(context.Out, outputFormat);
                if (result.Held is { } held)
                {
                    // The file stays data alone; why months are missing goes beside it.
                    await context.Error.WriteLineAsync($"Missing months: {held}.");
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Harm(CliContext context)
    {
        var force = new Option<string?>("--force") { Description = "The force (default: the plan's force, else the one force with a peer group, else the force with most figures); 'Essex' finds 'Essex Police'." };
        var to = new Option<string?>("--to") { Description = "The last of the 12 months (YYYY-MM; default the latest confirmed month with data)." };
        var format = Listing.FormatOption();
        var command = new Command("harm", "Harm-weighted totals beside counts over 12 months: per crime type the count, the weight in days and the harm (count × weight), "
            + "under every harm index loaded, against the 12 months before.") { force, to, format };
        command.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(to) is { } text ? ParseMonth(text, "--to") : (ReportingMonth?)null;
            await using var db = await context.OpenStoreAsync(parse, ct);
            var month = given ?? await LatestMonth.ConfirmedAsync(db, ct)
                ?? throw new DomainException("The store holds no monthly data: import some first, or give --to YYYY-MM.");
            var result = await HarmTotals.ForAsync(db, await PeerGroups.ForceOrDefaultAsync(db, parse.GetValue(force), ct), month, ct);
            var outputFormat = parse.GetValue(format);
            if (outputFormat == OutputFormat.Table)
            {
                foreach (var index in result.Indexes)
                {
                    await context.Out.WriteLineAsync(
                        $"{result.Force}, 12 months to {result.To.LongLabel} ({result.From.ShortLabel}–{result.To.ShortLabel}): harm under {index.Named}");
                    var table = new Listing("Crime type", "Count", "Weight (days)", "Harm (days)", "Previous 12m count", "Previous 12m harm (days)");
                    foreach (var r in index.Rows)
                    {
                        table.Add(r.CrimeType, r.Count, new Signed(Figures.Number(r.Weight, 2) + (r.National ? " (national)" : "")), new Signed(Figures.Number(r.Harm, 2)),
                            r.PreviousCount, r.PreviousHarm is { } ph ? new Signed(Figures.Number(ph, 2)) : null);
                    }

                    table.Add("Total", index.Count, null, new Signed(Figures.Number(index.Harm, 2)), index.PreviousCount,
                        index.PreviousHarm is { } total ? new Signed(Figures.Number(total, 2)) : null);
                    table.Write(context.Out, OutputFormat.Table);
                    if (index.CountChange is { } change)
                    {
                        await context.Out.WriteLineAsync(
                            $"Against the 12 months before: count {Figures.SignedPercent(change.PercentChange)} ({change.Verdict}), harm {Figures.SignedPercent(index.HarmPercentChange)}.");
                    }
                    else
                    {
                        await context.Out.WriteLineAsync(result.NotComparedText);
                    }

                    if (index.NotHeld.Count > 0)
                    {
                        await context.Out.WriteLineAsync($"Not counted (no figures for {result.Force} in the store): {string.Join(", ", index.NotHeld)}.");
                    }

                    await context.Out.WriteLineAsync(index.Method);
                    await context.Out.WriteLineAsync("");
                }

                if (result.UnweightedText is { } unweighted)
                {
                    await context.Out.WriteLineAsync(unweighted);
                }
            }
            else
            {
                if (result.UnweightedText is { } unweighted)
                {
                    await context.Error.WriteLineAsync(unweighted);
                }

                var listing = new Listing("index", "crime_type", "count", "weight", "harm", "previous_count", "previous_harm");
                foreach (var index in result.Indexes)
                {
                    foreach (var r in index.Rows)
                    {
                        // Days to two decimals at least, whatever the scale they were stored with ("1.0" and "245.91" alike).
                        listing.Add(index.Index, r.CrimeType, r.Count, Days(r.Weight, 6), Days(r.Harm, 2), r.PreviousCount,
                            r.PreviousHarm is { } previous ? Days(previous, 2) : null);
                    }
                }

                listing.Write(context.Out, outputFormat);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Days rounded to at most <paramref name="decimals"/> places, trailing zeros dropped, but never fewer than two places.</summary>
    private static decimal Days(decimal days, int decimals) =>
        Math.Round(days, decimals, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m + 0.00m;

    private static decimal? Round(decimal? value, int decimals) => value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    private static string Basis(PeerBasis basis) => basis switch
    {
        PeerBasis.Counts => "count",
        PeerBasis.PerThousand => "per_1000",
        PeerBasis.Values => "value",
    };

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
