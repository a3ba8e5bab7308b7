using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.FiguresCheck;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>
/// Runs the figures check over the store's commentary for a reporting period (every update with commentary). The one
/// list of findings: <c>report check</c>, every report as it is generated, and publishing a round
/// (<see cref="QuarterlyUpdates.PublishReadiness"/>) all read it.
/// </summary>
public static class CommentaryCheck
{
    /// <summary>
    /// The figures check run as a report for <paramref name="period"/> is generated: the findings in the period's
    /// commentary (<see cref="RunAsync"/>), or none when no plan has a round for the period, as there is no commentary.
    /// </summary>
    /// <exception cref="Domain.Common.DomainException">As <see cref="RunAsync"/>, when the round cannot be told apart.</exception>
    public static async Task<IReadOnlyList<FigureInconsistency>> ForReportAsync(ScrutineerDb db, FinancialQuarter period, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var hasRound = await db.Rounds.AnyAsync(r => r.Period == period && (planTitle == null || r.Plan.Title == planTitle), cancellationToken);
        return hasRound ? await RunAsync(db, period, planTitle, cancellationToken) : [];
    }

    /// <summary>The inconsistencies in the period's commentary, in priority, commitment and unit order.</summary>
    /// <exception cref="Domain.Common.DomainException">No plan covers the period, or it has no round for it.</exception>
    public static async Task<IReadOnlyList<FigureInconsistency>> RunAsync(ScrutineerDb db, FinancialQuarter period, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var round = await ReportingRounds.FindAsync(db, period, planTitle, cancellationToken);
        var updates = await db.Updates.Where(u => u.RoundId == round.Id)
            .Include(u => u.Unit).Include(u => u.Commitment).ThenInclude(c => c.Priority)
            .ToListAsync(cancellationToken);
        return updates
            .Where(u => !string.IsNullOrWhiteSpace(u.CommentaryText))
            .OrderBy(u => u.Commitment.Priority.Number).ThenBy(u => u.Commitment.Number).ThenBy(u => u.Unit.ShortName, StringComparer.Ordinal)
            .SelectMany(u => FigureChecker.Check(
                u.CommentaryText,
                $"{period} commitment {u.Commitment.Reference}, {u.Unit.ShortName} update ({u.State.ToString().ToLowerInvariant()})",
                period))
            .ToList();
    }
}
