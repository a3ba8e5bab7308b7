using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>
/// A reporting round as a page or command heads it: which round, of which plan, its deadline and state. Also which
/// round a page or command means — a period's round, or the current one — read without loading the round
/// (<see cref="StoreReader"/>); <see cref="ReportingRounds"/> loads the one chosen when it is to change.
/// </summary>
/// <param name="Id">The round's store identity.</param>
/// <param name="PlanId">Its plan's store identity.</param>
/// <param name="PlanTitle">Its plan's title.</param>
/// <param name="Period">The quarter it reports on.</param>
/// <param name="Deadline">The last day to submit.</param>
/// <param name="State">Open, closed or published.</param>
/// <param name="PublishedAt">When it was last published, or null.</param>
public sealed record RoundHeading(int Id, int PlanId, string PlanTitle, FinancialQuarter Period, DateOnly Deadline, RoundState State, DateTimeOffset? PublishedAt)
{
    /// <summary>Whether contributors may still write and submit.</summary>
    public bool IsOpen => State == RoundState.Open;

    /// <summary>Whether <paramref name="today"/> is after the deadline (<see cref="ReportingRound.DeadlinePassed"/>).</summary>
    public bool IsPastDeadline(DateOnly today) => ReportingRound.DeadlinePassed(Deadline, today);

    /// <summary>Whether outstanding updates count as overdue on <paramref name="today"/> (<see cref="ReportingRound.ChasesOutstanding(RoundState, DateOnly, DateOnly)"/>).</summary>
    public bool ChasesOutstanding(DateOnly today) => ReportingRound.ChasesOutstanding(State, Deadline, today);

    /// <summary>The round for <paramref name="period"/> of the plan covering it (or the plan titled).</summary>
    /// <exception cref="DomainException">No such plan or round; the message lists the rounds there are.</exception>
    public static async Task<RoundHeading> FindAsync(StoreReader reader, FinancialQuarter period, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var plan = string.IsNullOrWhiteSpace(planTitle)
            ? await PlanChoice.CoveringAsync(reader, period, cancellationToken)
            : await PlanChoice.ByTitleAsync(reader, planTitle, cancellationToken);
        var rounds = await AllAsync(reader, cancellationToken);
        return rounds.SingleOrDefault(r => r.PlanId == plan.Id && r.Period == period)
            ?? throw new DomainException($"No reporting round for {period} in '{plan.Title}'. "
                + (rounds.Where(r => r.PlanId == plan.Id).Select(r => r.Period).Order().ToList() is { Count: > 0 } periods
                    ? "Rounds: " + string.Join(", ", periods.Select(p => p.Code)) + "."
                    : "No round has been opened yet.")
                + $" Open the round for {period} first: scrutineer round open --period \"{period}\" --deadline YYYY-MM-DD, or Rounds on the web.");
    }

    /// <summary>Whether any plan (or the plan titled <paramref name="planTitle"/>) has a round for <paramref name="period"/>.</summary>
    public static async Task<bool> AnyAsync(StoreReader reader, FinancialQuarter period, string? planTitle = null, CancellationToken cancellationToken = default) =>
        (await AllAsync(reader, cancellationToken)).Any(r => r.Period == period && (planTitle is null || r.PlanTitle == planTitle));

    /// <summary>The open round with the latest period, or the latest round when none is open; null when there are none.</summary>
    public static async Task<RoundHeading?> CurrentAsync(StoreReader reader, CancellationToken cancellationToken = default)
    {
        var rounds = (await AllAsync(reader, cancellationToken)).OrderByDescending(r => r.Period).ThenByDescending(r => r.Id).ToList();
        return rounds.FirstOrDefault(r => r.IsOpen) ?? rounds.FirstOrDefault();
    }

    private static Task<List<RoundHeading>> AllAsync(StoreReader reader, CancellationToken cancellationToken) => reader.ListAsync(
        """
        SELECT r."Id", r."PlanId", p."Title", r."Period", r."Deadline", r."State", r."PublishedAt"
        FROM "Rounds" r JOIN "Plans" p ON p."Id" = r."PlanId"
        """,
        r => new RoundHeading(r.GetInt32(0), r.GetInt32(1), r.GetString(2), FinancialQuarter.Parse(r.GetString(3)),
            r.GetFieldValue<DateOnly>(4), Enum.Parse<RoundState>(r.GetString(5)), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6)),
        cancellationToken);
}
