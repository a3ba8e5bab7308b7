using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>
/// Where one unit's update on one commitment stands in a round. <see cref="State"/> is null when nothing was written.
/// Outstanding = not yet submitted (missing, draft or returned); overdue = outstanding in an open round past its deadline.
/// </summary>
public sealed record RoundStatusLine(
    int Priority,
    string Commitment,
    string CommitmentText,
    string Unit,
    string UnitName,
    int? UpdateId,
    UpdateState? State,
    DeliveryStatus? Status,
    DateTimeOffset? UpdatedAt,
    bool Outstanding,
    bool Overdue);
