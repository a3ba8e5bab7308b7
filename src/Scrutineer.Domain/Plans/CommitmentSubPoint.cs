namespace Scrutineer.Domain.Plans;

/// <summary>One bullet under a commitment that ends "…, including:".</summary>
/// <param name="Position">Order from 1.</param>
/// <param name="Text">The bullet text.</param>
public sealed record CommitmentSubPoint(int Position, string Text);
