using Scrutineer.Application.Data;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.FiguresCheck;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;

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
    public static Task<IReadOnlyList<FigureInconsistency>> ForReportAsync(ScrutineerDb db, FinancialQuarter period, string? planTitle = null, CancellationToken cancellationToken = default) =>
        StoreReader.ReadAsync(db, reader => ForReportAsync(reader, period, planTitle, cancellationToken), cancellationToken);

    /// <summary>The figures check run as a report is generated, read through <paramref name="reader"/> (the command line's).</summary>
    /// <exception cref="Domain.Common.DomainException">As <see cref="RunAsync(StoreReader, FinancialQuarter, string?, CancellationToken)"/>, when the round cannot be told apart.</exception>
    public static async Task<IReadOnlyList<FigureInconsistency>> ForReportAsync(StoreReader reader, FinancialQuarter period, string? planTitle = null, CancellationToken cancellationToken = default) =>
        await RoundHeading.AnyAsync(reader, period, planTitle, cancellationToken)
            ? await RunAsync(reader, period, planTitle, cancellationToken)
            : [];

    /// <summary>The inconsistencies in the period's commentary, in priority, commitment and unit order.</summary>
    /// <exception cref="Domain.Common.DomainException">No plan covers the period, or it has no round for it.</exception>
    public static Task<IReadOnlyList<FigureInconsistency>> RunAsync(ScrutineerDb db, FinancialQuarter period, string? planTitle = null, CancellationToken cancellationToken = default) =>
        StoreReader.ReadAsync(db, reader => RunAsync(reader, period, planTitle, cancellationToken), cancellationToken);

    /// <summary>
    /// The inconsistencies in the period's commentary, read over the store's connection, not through EF: a report command
    /// runs the check after writing the report, and two more EF query shapes translated on first use were a sixth of the
    /// whole command (docs/benchmarks.md).
    /// </summary>
    /// <exception cref="Domain.Common.DomainException">No plan covers the period, or it has no round for it.</exception>
    public static async Task<IReadOnlyList<FigureInconsistency>> RunAsync(StoreReader reader, FinancialQuarter period, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var round = await RoundHeading.FindAsync(reader, period, planTitle, cancellationToken);
        var updates = await reader.ListAsync(
            """
            SELECT p."Number", c."Number", u."ShortName", d."State", d."Commentary"
            FROM "Updates" d
            JOIN "Commitments" c ON c."Id" = d."CommitmentId"
            JOIN "Priorities" p ON p."Id" = c."PriorityId"
            JOIN "Units" u ON u."Id" = d."UnitId"
            WHERE d."RoundId" = @round
            """,
            r => (Priority: r.GetInt32(0), Commitment: r.GetInt32(1), Unit: r.GetString(2), State: Enum.Parse<UpdateState>(r.GetString(3)), Commentary: r.GetString(4)),
            cancellationToken,
            ("round", round.Id));
        return updates
            .Where(u => !string.IsNullOrWhiteSpace(u.Commentary))
            .OrderBy(u => u.Priority).ThenBy(u => u.Commitment).ThenBy(u => u.Unit, StringComparer.Ordinal)
            .SelectMany(u => FigureChecker.Check(
                u.Commentary,
                $"{period} commitment {Commitment.ReferenceOf(u.Priority, u.Commitment)}, {u.Unit} update ({u.State.ToString().ToLowerInvariant()})",
                period))
            .ToList();
    }
}
