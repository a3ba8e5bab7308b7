using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Performance;

/// <summary>What a peer comparison compares: counts, or crimes per 1,000 population.</summary>
public enum PeerBasis
{
    /// <summary>The counts themselves (no population measure loaded for every force of the group).</summary>
    Counts,

    /// <summary>Per 1,000 population: the count over the latest population figure at or before the period's end.</summary>
    PerThousand,

    /// <summary>A measure that is not a count: the value of the last month, compared as it is, with no test.</summary>
    Values,
}

/// <summary>One force of a peer comparison.</summary>
/// <param name="Force">The force's name.</param>
/// <param name="IsForce">True for the force being compared (false for its peers).</param>
/// <param name="Count">The 12 months' total (or the last month's value for a measure that is not a count); null when months are missing.</param>
/// <param name="Population">The population used, when the basis is per 1,000.</param>
/// <param name="Value">What is ranked: the count, the rate per 1,000 (unrounded) or the value; null when missing.</param>
/// <param name="Rank">1 for the highest value among the forces with figures; ties share a rank; null when missing.</param>
/// <param name="Missing">The months without a figure, in words; null when complete.</param>
public sealed record PeerRow(string Force, bool IsForce, decimal? Count, decimal? Population, decimal? Value, int? Rank, string? Missing);

/// <summary>
/// A force beside its peer group for one measure over the 12 months to a month: each force's figure and rank, the
/// peers' average (force excluded) and whether the force differs from it significantly.
/// </summary>
/// <param name="Measure">The measure's name.</param>
/// <param name="Force">The force compared.</param>
/// <param name="From">First month (inclusive).</param>
/// <param name="To">Last month (inclusive).</param>
/// <param name="GroupOn">The day the group is taken on: the last day of <paramref name="To"/>.</param>
/// <param name="Basis">Counts, per 1,000 population, or values.</param>
/// <param name="Rows">The force and each peer, highest value first, forces with missing months last.</param>
/// <param name="GroupAverage">The peers' average (force excluded), on the basis: their total over their exposure (populations, or their number); null when no peer has figures.</param>
/// <param name="AverageWithForce">The same over the whole group with the force included.</param>
/// <param name="Versus">The test of the force against the peers, for counts; null otherwise or when the force or every peer lacks figures.</param>
/// <param name="Held">Which missing months an import holds as provisional, and how to confirm them (<see cref="Imports.ProvisionalMonths"/>); null when none.</param>
/// <param name="Unit">What the measure counts, as the store names it ("crimes", "incidents", "searches").</param>
public sealed record PeerComparison(string Measure, string Force, ReportingMonth From, ReportingMonth To, DateOnly GroupOn, PeerBasis Basis,
    IReadOnlyList<PeerRow> Rows, decimal? GroupAverage, decimal? AverageWithForce, GroupComparison? Versus, string? Held, string Unit)
{
    /// <summary>The most decimal places a rate per 1,000 is shown to.</summary>
    private const int MostRateDecimals = 6;
    /// <summary>The force's own row.</summary>
    public PeerRow ForceRow => Rows.Single(r => r.IsForce);

    /// <summary>How many forces have figures (the rank is out of this).</summary>
    public int Ranked => Rows.Count(r => r.Rank is not null);

    /// <summary>The basis in words, for headings and notes.</summary>
    public string BasisText => Basis switch
    {
        PeerBasis.PerThousand => $"{Counted} per 1,000 population (the latest population figure at or before the last month)",
        PeerBasis.Counts => $"counts of {Counted} (no population measure is loaded for every force of the group, so forces of different sizes are compared as they are)",
        PeerBasis.Values => "the value of the last month (the measure is not a count)",
    };

    /// <summary>What is counted, in words: the measure's unit ("crimes", "searches"), or its name when it has none.</summary>
    public string Counted => string.IsNullOrWhiteSpace(Unit) ? Measure : Unit;

    /// <summary>The heading of the column holding each force's figure: "Count", or "Value" for a measure that is not a count.</summary>
    public string FigureHeading => Basis == PeerBasis.Values ? "Value" : "Count";

    /// <summary>
    /// Decimal places for the rates per 1,000 and the averages: 2, or more where the smallest rate would otherwise show
    /// fewer than 3 significant figures (0.0541 and 0.0600 are not both "0.05" and "0.06"), so the ranks and the
    /// percentage against the average can be read from the figures shown; 1 for an average of counts; 2 for values.
    /// </summary>
    public int Decimals
    {
        get
        {
            if (Basis != PeerBasis.PerThousand)
            {
                return Basis == PeerBasis.Counts ? 1 : 2;
            }

            var smallest = Rows.Select(r => r.Value).Append(GroupAverage).Append(AverageWithForce)
                .Where(v => v is > 0).Select(v => v!.Value).DefaultIfEmpty(1m).Min();
            // The smallest rate shifted by the decimals shown: 3 significant figures once it reaches 100.
            var (decimals, shifted) = (2, smallest * 100m);
            while (decimals < MostRateDecimals && shifted < 100m)
            {
                (decimals, shifted) = (decimals + 1, shifted * 10m);
            }

            return decimals;
        }
    }

    /// <summary>Why nothing is ranked, when no force of the group has figures for every month compared; null when some are.</summary>
    public string? NothingRanked => Ranked > 0 ? null
        : $"No force of the group has {Measure} figures for every month of {(Basis == PeerBasis.Values ? To.LongLabel : $"the 12 months {From.LongLabel} to {To.LongLabel}")}, so nothing is ranked: "
            + string.Join("; ", Rows.Select(r => $"{r.Force} has none for {r.Missing}")) + "."
            + (Held is { } held ? $" {held}." : " Import those months, or compare an earlier month.");

    /// <summary>The verdict in words, or why there is none.</summary>
    public string Verdict => Versus?.Verdict ?? (Basis == PeerBasis.Values ? "not tested (not a count)" : "not tested (figures missing)");
}
