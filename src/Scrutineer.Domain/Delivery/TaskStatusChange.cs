namespace Scrutineer.Domain.Delivery;

/// <summary>One entry of a task's status history. History is only ever appended to.</summary>
/// <param name="Sequence">Order from 1 (1 is the task's creation).</param>
/// <param name="On">The day the status took effect.</param>
/// <param name="From">The status before, or null for the first entry.</param>
/// <param name="To">The status from that day.</param>
/// <param name="Source">What changed it: "Burglary.xlsx, sheet 'House Burglary', row 12", "demo".</param>
/// <param name="Risk">The risk recorded with an at-risk status.</param>
/// <param name="Mitigation">The mitigation recorded with an at-risk status.</param>
public sealed record TaskStatusChange(int Sequence, DateOnly On, DeliveryTaskStatus? From, DeliveryTaskStatus To, string Source, string? Risk, string? Mitigation);
