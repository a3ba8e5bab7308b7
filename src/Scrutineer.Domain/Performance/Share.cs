using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// A part's share of a whole: "racially motivated: 62.2% of hate crime". Built by <see cref="Of"/>, which checks that
/// the parts add up to the whole.
/// </summary>
/// <param name="Part">The part's name.</param>
/// <param name="Count">The part's count.</param>
/// <param name="Whole">The whole's count.</param>
public sealed record Share(string Part, long Count, long Whole)
{
    /// <summary>The share as a percentage of the whole, unrounded (0 when the whole is 0).</summary>
    public decimal Percent => Whole == 0 ? 0 : Count * 100m / Whole;

    /// <summary>"62.2%".</summary>
    public string Formatted => Figures.Percent(Percent);

    /// <summary>Shares of <paramref name="whole"/> for each part, with the check that the parts sum to the whole.</summary>
    /// <param name="whole">The whole's count.</param>
    /// <param name="parts">The parts and their counts.</param>
    /// <param name="partsMayOverlap">True when a case may be in several parts (a hate crime with two motivations): the parts may then add up to more than the whole.</param>
    /// <exception cref="DomainException">A negative count; the parts add up to less than the whole (or more, unless they may overlap).</exception>
    public static ShareBreakdown Of(long whole, IEnumerable<(string Part, long Count)> parts, bool partsMayOverlap = false)
    {
        var list = parts.ToList();
        if (whole < 0 || list.Any(p => p.Count < 0))
        {
            throw new DomainException("Shares need counts of 0 or more.");
        }

        var sum = list.Sum(p => p.Count);
        if (sum < whole || (sum > whole && !partsMayOverlap))
        {
            throw new DomainException($"The parts add up to {Figures.Count(sum)} but the whole is {Figures.Count(whole)}.");
        }

        return new ShareBreakdown(whole, list.Select(p => new Share(p.Part, p.Count, whole)).ToList(), sum);
    }
}

/// <summary>Shares of a whole, checked: the parts add up to <see cref="PartsTotal"/>.</summary>
/// <param name="Whole">The whole's count.</param>
/// <param name="Shares">Each part's share.</param>
/// <param name="PartsTotal">The parts' sum (equal to the whole unless parts may overlap).</param>
public sealed record ShareBreakdown(long Whole, IReadOnlyList<Share> Shares, long PartsTotal);
