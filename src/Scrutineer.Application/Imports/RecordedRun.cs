namespace Scrutineer.Application.Imports;

/// <summary>The run an import was recorded as, and the months it holds as provisional (empty when none).</summary>
public sealed record RecordedRun(long Id, IReadOnlyList<HeldMonth> Held);
