using Scrutineer.Application.Data;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Reports;

/// <summary>
/// A unit's update on a commitment as the quarterly report reads it: the commitment ("3.2"), the unit's short name, the
/// update's state and its commentary, OFFICIAL and OFFICIAL-SENSITIVE. Whether a part is printed is the report's rule
/// (<see cref="QuarterlyReport"/>).
/// </summary>
/// <param name="Commitment">The commitment's reference, "3.2".</param>
/// <param name="Unit">The responsible unit's short name (unique in the store).</param>
/// <param name="State">Where the update is in review.</param>
/// <param name="Official">Its OFFICIAL commentary.</param>
/// <param name="Sensitive">Its OFFICIAL-SENSITIVE commentary.</param>
public sealed record ReportedUpdate(string Commitment, string Unit, UpdateState State, Commentary Official, Commentary Sensitive)
{
    /// <summary>An update loaded with its commitment (and that commitment's priority) and its unit.</summary>
    public static ReportedUpdate Of(QuarterlyUpdate update) =>
        new(update.Commitment.Reference, update.Unit.ShortName, update.State, update.Commentary, update.SensitiveCommentary);

    /// <summary>Every update of the round <paramref name="roundId"/>, in any state, read over the store's connection.</summary>
    public static Task<List<ReportedUpdate>> ReadAsync(StoreReader reader, int roundId, CancellationToken cancellationToken = default) => reader.ListAsync(
        """
        SELECT p."Number", c."Number", u."ShortName", d."State", d."Commentary", d."SensitiveCommentary"
        FROM "Updates" d
        JOIN "Commitments" c ON c."Id" = d."CommitmentId"
        JOIN "Priorities" p ON p."Id" = c."PriorityId"
        JOIN "Units" u ON u."Id" = d."UnitId"
        WHERE d."RoundId" = @round
        """,
        r => new ReportedUpdate(Domain.Plans.Commitment.ReferenceOf(r.GetInt32(0), r.GetInt32(1)), r.GetString(2), Enum.Parse<UpdateState>(r.GetString(3)),
            Commentary.Parse(r.GetString(4)), Commentary.Parse(r.GetString(5))),
        cancellationToken,
        ("round", roundId));
}
