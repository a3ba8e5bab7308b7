using Scrutineer.Application.Data;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>A round's state: every commitment × responsible unit, what it has sent, and who is overdue.</summary>
public sealed record RoundStatus(IReadOnlyList<RoundStatusLine> Lines, DateOnly Today)
{
    /// <summary>Units with overdue updates, most overdue first: (unit short name, unit name, how many).</summary>
    public IReadOnlyList<(string Unit, string Name, int Overdue)> OverdueUnits => Lines
        .Where(l => l.Overdue)
        .GroupBy(l => (l.Unit, l.UnitName))
        .Select(g => (g.Key.Unit, g.Key.UnitName, g.Count()))
        .OrderByDescending(x => x.Item3).ThenBy(x => x.Unit, StringComparer.Ordinal)
        .ToList();

    /// <summary>Number of lines in each state; missing updates counted under null.</summary>
    public int Count(UpdateState? state) => Lines.Count(l => l.State == state);

    /// <summary>The status of <paramref name="round"/> (tracked by <paramref name="db"/>, as it stands there) as of <paramref name="today"/>.</summary>
    public static Task<RoundStatus> ForAsync(ScrutineerDb db, ReportingRound round, DateOnly today, CancellationToken cancellationToken = default) =>
        StoreReader.ReadAsync(db, reader => ForAsync(reader, round.Id, round.PlanId, round.ChasesOutstanding(today), today, cancellationToken), cancellationToken);

    /// <summary>The status of <paramref name="round"/> as of <paramref name="today"/>.</summary>
    public static Task<RoundStatus> ForAsync(StoreReader reader, RoundHeading round, DateOnly today, CancellationToken cancellationToken = default) =>
        ForAsync(reader, round.Id, round.PlanId, round.ChasesOutstanding(today), today, cancellationToken);

    // One line per commitment of the plan × responsible unit, in the plan's order, with the unit's update if any.
    private static async Task<RoundStatus> ForAsync(StoreReader reader, int roundId, int planId, bool chases, DateOnly today, CancellationToken cancellationToken)
    {
        var lines = await reader.ListAsync(
            """
            SELECT p."Number", c."Number", c."Text", u."ShortName", u."Name", d."Id", d."State", d."Status", d."UpdatedAt"
            FROM "Priorities" p
            JOIN "Commitments" c ON c."PriorityId" = p."Id"
            JOIN "Responsibilities" r ON r."CommitmentId" = c."Id"
            JOIN "Units" u ON u."Id" = r."UnitId"
            LEFT JOIN "Updates" d ON d."RoundId" = @round AND d."CommitmentId" = c."Id" AND d."UnitId" = u."Id"
            WHERE p."PlanId" = @plan
            ORDER BY p."Number", c."Number", r."Position"
            """,
            r =>
            {
                UpdateState? state = r.IsDBNull(6) ? null : Enum.Parse<UpdateState>(r.GetString(6));
                var outstanding = QuarterlyUpdate.IsOutstanding(state);
                return new RoundStatusLine(
                    r.GetInt32(0), Commitment.ReferenceOf(r.GetInt32(0), r.GetInt32(1)), r.GetString(2), r.GetString(3), r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetInt32(5), state, r.IsDBNull(7) ? null : Enum.Parse<DeliveryStatus>(r.GetString(7)),
                    r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), outstanding, outstanding && chases);
            },
            cancellationToken, ("round", roundId), ("plan", planId));
        return new RoundStatus(lines, today);
    }
}
