using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Plans;

/// <summary>A plan file could not be imported; nothing was written. Lists every problem found.</summary>
public sealed class PlanFileException(IReadOnlyList<PlanFileError> errors)
    : DomainException($"The plan file was not imported (nothing was written): {Figures.Count(errors.Count, "problem", "problems")}:"
        + string.Concat(errors.Select(e => Environment.NewLine + "  " + e)))
{
    public IReadOnlyList<PlanFileError> Errors { get; } = errors;
}
