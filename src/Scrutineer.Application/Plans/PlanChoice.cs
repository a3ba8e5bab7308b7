using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Plans;

/// <summary>
/// Which plan a page or command means: the one titled, the latest when no title is given, or the one covering a
/// quarter. Read without loading any plan (<see cref="StoreReader"/>); <see cref="PlanLoader"/> then loads the one chosen.
/// </summary>
public sealed record PlanChoice(int Id, string Title, FinancialYear FirstYear, FinancialYear LastYear)
{
    /// <summary>The plan titled <paramref name="title"/> (any case), or the latest-starting plan when no title is given.</summary>
    /// <exception cref="DomainException">No such plan; or the store holds none.</exception>
    public static async Task<PlanChoice> ByTitleAsync(StoreReader reader, string? title, CancellationToken cancellationToken = default)
    {
        var plans = await AllAsync(reader, cancellationToken);
        if (string.IsNullOrWhiteSpace(title))
        {
            return plans[^1];
        }

        return plans.FirstOrDefault(p => string.Equals(p.Title, title.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException($"No plan titled '{title}'. Plans in the store: {string.Join("; ", plans.Select(p => p.Title))}.");
    }

    /// <summary>The plan that covers <paramref name="period"/> (the latest-starting one when several do).</summary>
    /// <exception cref="DomainException">No plan covers the period; or the store holds none.</exception>
    public static async Task<PlanChoice> CoveringAsync(StoreReader reader, FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        var plans = await AllAsync(reader, cancellationToken);
        return plans.LastOrDefault(p => Plan.Covers(p.FirstYear, p.LastYear, period))
            ?? throw new DomainException($"No plan covers {period}. Plans in the store: {string.Join("; ", plans.Select(p => $"{p.Title} ({p.FirstYear} to {p.LastYear})"))}.");
    }

    // Every plan, earliest-starting first; never empty.
    private static async Task<List<PlanChoice>> AllAsync(StoreReader reader, CancellationToken cancellationToken)
    {
        var plans = await reader.ListAsync(
            """SELECT "Id", "Title", "FirstYear", "LastYear" FROM "Plans" ORDER BY "FirstYear", "Id" """,
            r => new PlanChoice(r.GetInt32(0), r.GetString(1), new FinancialYear(r.GetInt32(2)), new FinancialYear(r.GetInt32(3))),
            cancellationToken);
        return plans.Count > 0
            ? plans
            : throw new DomainException("The store holds no plan yet: import one with 'scrutineer plan import FILE' or build the demo with 'scrutineer demo'.");
    }
}
