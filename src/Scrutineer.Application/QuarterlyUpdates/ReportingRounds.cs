using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>Finding, opening, closing and publishing reporting rounds. The rules are the round's own.</summary>
public static class ReportingRounds
{
    /// <summary>
    /// The round for <paramref name="period"/> of the plan covering it (or the plan titled), chosen by
    /// <see cref="RoundHeading.FindAsync"/>, tracked, with its plan loaded whole.
    /// </summary>
    /// <exception cref="DomainException">No such round; the message lists the rounds there are.</exception>
    public static async Task<ReportingRound> FindAsync(ScrutineerDb db, FinancialQuarter period, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var chosen = await StoreReader.ReadAsync(db, reader => RoundHeading.FindAsync(reader, period, planTitle, cancellationToken), cancellationToken);
        await PlanLoader.ByIdAsync(db, chosen.PlanId, cancellationToken);
        return await db.Rounds.SingleAsync(r => r.Id == chosen.Id, cancellationToken);
    }

    /// <summary>The current round (<see cref="RoundHeading.CurrentAsync"/>), tracked; null when there are none.</summary>
    public static async Task<ReportingRound?> CurrentAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var chosen = await StoreReader.ReadAsync(db, reader => RoundHeading.CurrentAsync(reader, cancellationToken), cancellationToken);
        return chosen is null ? null : await db.Rounds.SingleAsync(r => r.Id == chosen.Id, cancellationToken);
    }

    /// <summary>
    /// Opens the round for <paramref name="period"/> with its deadline. The web and the command line open rounds
    /// through <c>Notifications.RoundOpening.OpenAsync</c>, which calls this and tells the round's contributors in the
    /// same transaction.
    /// </summary>
    /// <exception cref="DomainException">A round for that period exists already, or no plan covers it.</exception>
    public static async Task<ReportingRound> OpenAsync(ScrutineerDb db, FinancialQuarter period, DateOnly deadline, DateTimeOffset now, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var plan = string.IsNullOrWhiteSpace(planTitle)
            ? await PlanLoader.CoveringAsync(db, period, cancellationToken)
            : await PlanLoader.LoadAsync(db, planTitle, cancellationToken);
        if (await db.Rounds.AnyAsync(r => r.PlanId == plan.Id && r.Period == period, cancellationToken))
        {
            throw new DomainException($"The {period} round of '{plan.Title}' is already open or was opened before.");
        }

        if (deadline < period.LastMonth.FirstDay)
        {
            throw new DomainException($"The deadline {deadline.ToString("d MMMM yyyy", EnGb.Culture)} is before the last month of {period} begins.");
        }

        var round = new ReportingRound(plan, period, deadline, now);
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return round;
    }

    /// <summary>The audit trail's name for the record of what a publisher confirmed (beside the round's own change).</summary>
    public const string PublishConfirmation = "PublishConfirmation";

    /// <summary>
    /// What publishing <paramref name="round"/> now would leave not ready (<see cref="PublishReadiness"/>), for the
    /// publisher to review before confirming; the first step of publishing on every front door.
    /// </summary>
    /// <exception cref="DomainException">The round is open or published already (the round's own rule and message).</exception>
    public static async Task<PublishReadiness> ReadinessToPublishAsync(ScrutineerDb db, ReportingRound round, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (round.State != RoundState.Closed)
        {
            // Only a closed round can be published: the round's own rule refuses an open or published one, with its message.
            round.Publish(now);
        }

        return await PublishReadiness.ForAsync(db, round, UkClock.DateOf(now), cancellationToken);
    }

    /// <summary>
    /// Publishes the closed round for <paramref name="period"/>: refuses while anything is not ready
    /// (<see cref="PublishReadiness"/>) unless <paramref name="accept"/> says the publisher confirmed publishing anyway.
    /// </summary>
    /// <exception cref="DomainException">No such round; the round is open or published already.</exception>
    /// <exception cref="RoundNotReadyToPublish">Something is not ready and <paramref name="accept"/> is false.</exception>
    public static async Task<PublishReadiness> PublishAsync(ScrutineerDb db, FinancialQuarter period, string actor, bool accept, DateTimeOffset now, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var round = await FindAsync(db, period, planTitle, cancellationToken);
        return await PublishAsync(db, round, actor, accept, now, cancellationToken);
    }

    /// <summary>
    /// Publishes <paramref name="round"/> (tracked by <paramref name="db"/>) as <see cref="PublishAsync(ScrutineerDb, FinancialQuarter, string, bool, DateTimeOffset, string?, CancellationToken)"/>
    /// does. In the same transaction as the round's change, the audit trail records on the round's row what the
    /// publisher confirmed: the list of what was not ready, or that nothing was outstanding. Returns that list.
    /// </summary>
    /// <exception cref="DomainException">The round is open or published already.</exception>
    /// <exception cref="RoundNotReadyToPublish">Something is not ready and <paramref name="accept"/> is false.</exception>
    public static async Task<PublishReadiness> PublishAsync(ScrutineerDb db, ReportingRound round, string actor, bool accept, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var readiness = await ReadinessToPublishAsync(db, round, now, cancellationToken);
        if (!readiness.IsReady && !accept)
        {
            throw new RoundNotReadyToPublish(readiness);
        }

        round.Publish(now);
        var note = readiness.IsReady
            ? $"{actor} published the {round.Period} round with nothing outstanding."
            : string.Create(CultureInfo.InvariantCulture, $"{actor} confirmed publishing the {round.Period} round with {readiness.Count} item{(readiness.Count == 1 ? "" : "s")} not ready. {readiness.Summary}\n")
                + string.Join('\n', readiness.Lines);
        var changes = JsonSerializer.Serialize(new Dictionary<string, object?> { [PublishConfirmation] = new { before = (string?)null, after = note } });
        db.AuditEntries.Add(new AuditEntry(Guid.NewGuid(), now, actor, AuditAction.Modified, "Rounds", "Id=" + round.Id.ToString(CultureInfo.InvariantCulture), changes));
        await db.SaveChangesAsync(cancellationToken);
        return readiness;
    }
}
