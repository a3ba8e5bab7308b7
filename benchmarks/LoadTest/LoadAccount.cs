namespace Scrutineer.LoadTest;

/// <summary>A contributor account made for the run: its sign-in and the slots it writes on (some shared with another contributor).</summary>
internal sealed record LoadAccount(string UserName, IReadOnlyList<Slot> Slots);
