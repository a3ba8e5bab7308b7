namespace Scrutineer.LoadTest;

/// <summary>
/// A save or submit the contributor posted, and what it was told: accepted (a redirect to the list), refused as a
/// concurrent change, or refused for another reason (for example the update was submitted by the other writer).
/// </summary>
internal sealed record SaveOutcome(Slot Slot, string Token, bool Submit, SaveResult Result);
