using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>
/// The quarterly collection of updates for one plan and one reporting period, with its deadline.
/// Open → closed → published. A closed round may be reopened; a published one is read-only.
/// </summary>
public sealed class ReportingRound
{
    private ReportingRound()
    {
        Plan = null!;
    }

    /// <summary>Opens a round for <paramref name="period"/> with submissions due by <paramref name="deadline"/>.</summary>
    /// <exception cref="DomainException">The period lies outside the plan's years.</exception>
    public ReportingRound(Plan plan, FinancialQuarter period, DateOnly deadline, DateTimeOffset now)
    {
        if (!plan.Covers(period))
        {
            throw new DomainException($"{period} is outside '{plan.Title}' ({plan.FirstYear} to {plan.LastYear}).");
        }

        Plan = plan;
        Period = period;
        Deadline = deadline;
        State = RoundState.Open;
        OpenedAt = now;
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>Identity of the plan.</summary>
    public int PlanId { get; private set; }

    /// <summary>The plan reported on.</summary>
    public Plan Plan { get; private set; }

    /// <summary>The financial quarter reported on.</summary>
    public FinancialQuarter Period { get; private set; }

    /// <summary>The last day on which updates are due (inclusive).</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>Open, closed or published.</summary>
    public RoundState State { get; private set; }

    /// <summary>When the round was first opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When the round was last reopened after closing; null if never.</summary>
    public DateTimeOffset? ReopenedAt { get; private set; }

    /// <summary>When the round was last closed.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the round was published.</summary>
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Whether submissions are taken.</summary>
    public bool IsOpen => State == RoundState.Open;

    /// <summary>Whether the deadline has passed on <paramref name="today"/>.</summary>
    public bool IsPastDeadline(DateOnly today) => DeadlinePassed(Deadline, today);

    /// <summary>Whether a round due on <paramref name="deadline"/> is past it on <paramref name="today"/> (the deadline day itself is still in time).</summary>
    public static bool DeadlinePassed(DateOnly deadline, DateOnly today) => today > deadline;

    /// <summary>
    /// Whether a unit that still owes an update (<see cref="QuarterlyUpdate.IsOutstanding"/>) is overdue on
    /// <paramref name="today"/>: the round is open and its deadline has passed. A closed or published round chases nobody.
    /// One rule for the round status, the dashboard, the outstanding list and the command line.
    /// </summary>
    public static bool ChasesOutstanding(RoundState state, DateOnly deadline, DateOnly today) =>
        state == RoundState.Open && DeadlinePassed(deadline, today);

    /// <inheritdoc cref="ChasesOutstanding(RoundState, DateOnly, DateOnly)"/>
    public bool ChasesOutstanding(DateOnly today) => ChasesOutstanding(State, Deadline, today);

    /// <summary>Moves the deadline.</summary>
    /// <exception cref="DomainException">The round is published.</exception>
    public void SetDeadline(DateOnly deadline)
    {
        EnsureNotPublished("change its deadline");
        Deadline = deadline;
    }

    /// <summary>Stops submissions and reviews; reopen the round to take them again.</summary>
    /// <exception cref="DomainException">The round is not open.</exception>
    public void Close(DateTimeOffset now)
    {
        if (State != RoundState.Open)
        {
            throw new DomainException($"The {Period} round is {State.ToString().ToLowerInvariant()}, so it cannot be closed.");
        }

        State = RoundState.Closed;
        ClosedAt = now;
    }

    /// <summary>Opens a closed round again, so that updates (approved ones too) can be changed.</summary>
    /// <exception cref="DomainException">The round is open already or published.</exception>
    public void Reopen(DateTimeOffset now)
    {
        EnsureNotPublished("be reopened");
        if (State == RoundState.Open)
        {
            throw new DomainException($"The {Period} round is open already.");
        }

        State = RoundState.Open;
        ReopenedAt = now;
    }

    /// <summary>Publishes a closed round: from now on it is read-only.</summary>
    /// <exception cref="DomainException">The round is still open or already published.</exception>
    public void Publish(DateTimeOffset now)
    {
        EnsureNotPublished("be published again");
        if (State == RoundState.Open)
        {
            throw new DomainException($"The {Period} round is still open: close it before publishing.");
        }

        State = RoundState.Published;
        PublishedAt = now;
    }

    internal void EnsureNotPublished(string what)
    {
        if (State == RoundState.Published)
        {
            throw new DomainException($"The {Period} round was published and is read-only, so it cannot {what}.");
        }
    }
}
