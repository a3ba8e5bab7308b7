namespace Scrutineer.Application.Plans;

/// <summary>One problem in a plan file: where it is, which field, and what was expected.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Line">1-based line (0 when the problem is with the file as a whole).</param>
/// <param name="Field">The field's path, for example "priorities[3].commitments[2].who".</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record PlanFileError(string File, int Line, string Field, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}
