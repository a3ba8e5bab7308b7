namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>
/// One entry in a quarterly update's history: what was done, by whom, when, and the commentary and status at that moment.
/// History is never rewritten, so a returned and resubmitted update keeps every version.
/// </summary>
/// <param name="Sequence">Order from 1.</param>
/// <param name="Action">What was done.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="At">When (UTC).</param>
/// <param name="Commentary">The commentary at that moment, in its text form.</param>
/// <param name="Status">The delivery status at that moment; null for a draft with none chosen yet.</param>
/// <param name="Comment">The reviewer's comment, when returned or approved with one.</param>
public sealed record UpdateRevision(
    int Sequence,
    UpdateAction Action,
    string Actor,
    DateTimeOffset At,
    string Commentary,
    DeliveryStatus? Status,
    string? Comment)
{
    /// <summary>The OFFICIAL-SENSITIVE part of the commentary at that moment; empty when there was none.</summary>
    public string SensitiveCommentary { get; init; } = "";

    /// <summary>The OFFICIAL-SENSITIVE part of the reviewer's comment, when approved or returned with one.</summary>
    public string? SensitiveComment { get; init; }
}
