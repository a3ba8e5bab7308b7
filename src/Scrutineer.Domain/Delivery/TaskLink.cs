namespace Scrutineer.Domain.Delivery;

/// <summary>
/// A reference from one task to another task of the same plan, by number ("Linked to action (17) (11)"). Numbers are
/// kept as written: a plan that reuses a number under several stages links to each of them.
/// </summary>
/// <param name="TargetNumber">The task number referred to.</param>
public sealed record TaskLink(int TargetNumber);
