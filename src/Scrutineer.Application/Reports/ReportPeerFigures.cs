using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The force beside others in a report: for each linked count measure, the "Compared with peers" table
/// (<see cref="PeerComparisons"/>: each force's 12-month count or rate per 1,000, its rank, the peers' average and the
/// significance verdict), and the "Harm-weighted crime" table (<see cref="HarmTotals"/>: count, weight and harm per
/// crime type, with the method and source). Both only when loaded: with no peer group standing at the report's month,
/// no peer table; with no harm weights for the force, no harm table; with neither, no block at all, so the report is
/// as it was. The figures are those rules' results, never recomputed here. See docs/reports.md and docs/peers-and-harm.md.
/// </summary>
/// <param name="Peers">One comparison per linked count measure, in link order (empty when no peer group stands).</param>
/// <param name="Harm">The harm-weighted totals, or null when no harm weights are loaded for the force (or they could not be computed: see <paramref name="Notices"/>).</param>
/// <param name="Notices">Why a comparison or the harm table is missing although peers or weights are loaded.</param>
public sealed record ReportPeerFigures(IReadOnlyList<PeerComparison> Peers, HarmResult? Harm, IReadOnlyList<string> Notices)
{
    /// <summary>Nothing loaded: no block.</summary>
    public static ReportPeerFigures None { get; } = new([], null, []);

    /// <summary>True when there is anything to print.</summary>
    public bool Any => Peers.Count > 0 || Harm is not null || Notices.Count > 0;

    /// <summary>
    /// <see cref="LoadAsync(ScrutineerDb, string?, IEnumerable{string}, ReportingMonth, bool, CancellationToken)"/> for a
    /// reader: when the store holds no peer group and no harm weights (one read over the plain connection), nothing, with
    /// no EF; otherwise the comparisons through the reader's context (<see cref="StoreReader.Context"/>).
    /// </summary>
    public static async Task<ReportPeerFigures> LoadAsync(StoreReader reader, string? force, IEnumerable<string> measures, ReportingMonth to, bool withHarm = true, CancellationToken cancellationToken = default)
    {
        var loaded = await reader.ListAsync(
            """SELECT (SELECT COUNT(*) FROM "PeerLinks"), (SELECT COUNT(*) FROM "HarmWeights")""",
            r => (Peers: r.GetInt64(0), Weights: r.GetInt64(1)), cancellationToken);
        return force is null || (loaded[0].Peers == 0 && (!withHarm || loaded[0].Weights == 0))
            ? None
            : await LoadAsync(reader.Context(), force, measures, to, withHarm, cancellationToken);
    }

    /// <summary>
    /// Compares <paramref name="force"/> with its peer group (the one standing on the last day of <paramref name="to"/>)
    /// for each of <paramref name="measures"/> (count measures held for the force), and reads its harm-weighted totals
    /// when harm weights apply to it, all over the 12 months to <paramref name="to"/>.
    /// </summary>
    /// <param name="withHarm">False to leave the harm table out (a report that prints the comparison under each of several sections).</param>
    public static async Task<ReportPeerFigures> LoadAsync(ScrutineerDb db, string? force, IEnumerable<string> measures, ReportingMonth to, bool withHarm = true, CancellationToken cancellationToken = default)
    {
        if (force is null)
        {
            return None;
        }

        var area = await PeerGroups.FindForceAsync(db, force, cancellationToken);
        var peers = new List<PeerComparison>();
        var notices = new List<string>();
        if ((await PeerGroups.OnAsync(db, area.Id, to.LastDay, cancellationToken)).Count > 0)
        {
            foreach (var measure in measures.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                try
                {
                    peers.Add(await PeerComparisons.CompareAsync(db, measure, area.Name, to, cancellationToken));
                }
                catch (DomainException e)
                {
                    notices.Add($"{measure} compared with peers: {e.Message}");
                }
            }
        }

        HarmResult? harm = null;
        if (withHarm && await db.HarmWeights.AsNoTracking().AnyAsync(w => w.ForceId == null || w.ForceId == area.Id, cancellationToken))
        {
            try
            {
                harm = await HarmTotals.ForAsync(db, area.Name, to, cancellationToken);
            }
            catch (DomainException e)
            {
                notices.Add("Harm-weighted crime: " + e.Message);
            }
        }

        return new ReportPeerFigures(peers, harm, notices);
    }

    /// <summary>
    /// The blocks: a "Compared with peers" heading and table per measure, then "Harm-weighted crime"; nothing when
    /// nothing is loaded. The headings are of <paramref name="headingLevel"/>, or bold labels when it is null (inside a
    /// section whose headings are already at the lowest level the contents list).
    /// </summary>
    public IEnumerable<ReportBlock> Blocks(int? headingLevel = 2)
    {
        ReportBlock Heading(string text) => headingLevel is { } level ? new ReportHeading(level, text) : new ReportParagraph(text + ":", ParagraphStyle.Strong);
        if (Peers.Count > 0)
        {
            yield return Heading("Compared with peers");
            foreach (var comparison in Peers)
            {
                foreach (var block in Compared(comparison))
                {
                    yield return block;
                }
            }
        }

        if (Harm is { } harm)
        {
            yield return Heading("Harm-weighted crime");
            foreach (var index in harm.Indexes)
            {
                foreach (var block in Weighted(harm, index))
                {
                    yield return block;
                }
            }

            if (harm.UnweightedText is { } unweighted)
            {
                yield return new ReportParagraph(unweighted, ParagraphStyle.Small);
            }
        }

        foreach (var notice in Notices)
        {
            yield return new ReportParagraph(notice, ParagraphStyle.Notice);
        }
    }

    private static IEnumerable<ReportBlock> Compared(PeerComparison c)
    {
        var perThousand = c.Basis == PeerBasis.PerThousand;
        var counts = c.Basis != PeerBasis.Values;
        var peers = c.Rows.Where(r => !r.IsForce).Select(r => r.Force).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var period = counts ? $"the 12 months {c.From.LongLabel} to {c.To.LongLabel}" : c.To.LongLabel;
        yield return new ReportParagraph(
            $"{c.Measure}: {c.Force} compared with its peer group of most similar forces ({string.Join(", ", peers)}: the group on "
            + $"{c.GroupOn.ToString("d MMMM yyyy", EnGb.Culture)}), over {period}, on {c.BasisText}. Rank 1 is the highest. "
            + $"The peer average is the peers' {(perThousand ? c.Counted + " over their population" : "average")}, {c.Force} excluded. "
            + (c.Versus is not null
                ? "Verdict: conditional exact test for two Poisson counts with unequal exposures (the force against its peers' total), two-sided, at the 5% level."
                : $"Verdict: {c.Verdict}."));

        var decimals = c.Decimals;
        var columns = new List<string> { "Force", counts ? "12-month count" : "Value" };
        if (perThousand)
        {
            columns.AddRange(["Population", "Per 1,000"]);
        }

        columns.AddRange(["Rank", "Against the peer average"]);
        var rows = new List<ReportRow>();
        foreach (var r in c.Rows)
        {
            var cells = new List<string>
            {
                r.IsForce ? r.Force + " (this force)" : r.Force,
                r.Count is { } n ? (counts ? Figures.Count((long)n) : Figures.Number(n, 2)) : "missing " + r.Missing,
            };
            if (perThousand)
            {
                cells.Add(r.Population is { } p ? Figures.Count((long)p) : "");
                cells.Add(r.Value is { } v ? Figures.Number(v, decimals) : "");
            }

            cells.Add(r.Rank is { } rank ? $"{rank} of {c.Ranked}" : "");
            cells.Add(r.IsForce ? Against(c) : "");
            rows.Add(ReportRow.Of([.. cells]));
        }

        if (c.GroupAverage is { } average)
        {
            var peerCount = c.Rows.Count(r => !r.IsForce && r.Rank is not null);
            var label = $"Peer average ({Figures.Count(peerCount, "peer", "peers")}, {c.Force} excluded)";
            var figure = Figures.Number(average, decimals);
            rows.Add(perThousand ? ReportRow.Of(label, "", "", figure, "", "") : ReportRow.Of(label, figure, "", ""));
        }

        yield return new ReportTable(
            $"Compared with peers: {c.Measure}, {c.Force} and its peer group, {period}{(perThousand ? ", per 1,000 population" : "")}",
            columns, rows)
        {
            NumericColumns = perThousand ? new HashSet<int> { 1, 2, 3 } : new HashSet<int> { 1 },
            RowHeaders = true,
        };
    }

    private static string Against(PeerComparison c)
    {
        var own = c.ForceRow;
        if (own.Value is not { } value || c.GroupAverage is not { } average)
        {
            return c.Verdict;
        }

        var verdict = c.Verdict;
        return $"{Figures.SignedPercent(Figures.PercentChange(average, value))}: {char.ToUpperInvariant(verdict[0])}{verdict[1..]}";
    }

    private static IEnumerable<ReportBlock> Weighted(HarmResult harm, HarmIndexResult index)
    {
        var period = $"the 12 months {harm.From.LongLabel} to {harm.To.LongLabel}";
        yield return new ReportParagraph(
            $"{harm.Force}, {period}: the crime types {index.Named} weighs, each with its count, its weight in days and its harm "
            + "(count × weight), beside the count, so a change in the mix of crime shows as well as its volume.");
        var rows = index.Rows.Select(r => ReportRow.Of(r.CrimeType, Figures.Count(r.Count), Figures.Number(r.Weight, 2) + (r.National ? " (national)" : ""), Figures.Number(r.Harm, 2))).ToList();
        rows.Add(ReportRow.Total("Total", Figures.Count(index.Count), "", Figures.Number(index.Harm, 2)));
        yield return new ReportTable($"Harm-weighted crime under {index.Named}: {harm.Force}, {period}", ["Crime type", "Count", "Weight (days)", "Harm (days)"], rows)
        {
            NumericColumns = new HashSet<int> { 1, 2, 3 },
            RowHeaders = true,
        };
        if (index.CountChange is { } change)
        {
            yield return new ReportParagraph(
                $"Compared with the 12 months {harm.From.Plus(-12).LongLabel} to {harm.To.Plus(-12).LongLabel}: count {Figures.SignedPercent(change.PercentChange)} "
                + $"({change.Verdict}), harm {Figures.SignedPercent(index.HarmPercentChange)}.");
        }
        else
        {
            yield return new ReportParagraph(harm.NotComparedText, ParagraphStyle.Small);
        }

        if (index.NotHeld.Count > 0)
        {
            yield return new ReportParagraph($"Not counted (no figures for {harm.Force} in the store): {string.Join(", ", index.NotHeld)}.", ParagraphStyle.Small);
        }

        yield return new ReportParagraph(index.Method, ParagraphStyle.Small);
    }
}
