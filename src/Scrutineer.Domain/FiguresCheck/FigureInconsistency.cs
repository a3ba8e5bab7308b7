namespace Scrutineer.Domain.FiguresCheck;

/// <summary>A typed claim whose figures do not agree with each other.</summary>
/// <param name="Where">Where the claim is: for example "Priority 3, commitment 3.2, SCD update, line 4".</param>
/// <param name="Claim">The words of the claim as typed.</param>
/// <param name="Implied">What the figures imply instead, for example "41 out of 120 is 34.2%, not 43%".</param>
public sealed record FigureInconsistency(string Where, string Claim, string Implied)
{
    /// <summary>One line for the command line: where, the claim in quotes, what the figures imply.</summary>
    public override string ToString() => $"{Where}: \"{Claim}\" — {Implied}";
}
