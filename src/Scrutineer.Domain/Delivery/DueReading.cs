namespace Scrutineer.Domain.Delivery;

/// <summary>What <see cref="TaskDueParser"/> made of a "When" cell.</summary>
/// <param name="Due">The due value (text as written plus what could be parsed).</param>
/// <param name="ImpliedStatus">A status the text implies ("COMPLETED" → complete, "Quarterly" → ongoing), or null.</param>
/// <param name="DuplicateOf">The task number named by "This is a duplicate of task no.11", or null.</param>
/// <param name="Note">How the text was read, for the import report; null when there was nothing to say.</param>
public sealed record DueReading(TaskDue Due, DeliveryTaskStatus? ImpliedStatus, int? DuplicateOf, string? Note);
