namespace Scrutineer.Application.Performance;

/// <summary>A priority, commitment or strand with the measures linked to it, for the analysts' pages.</summary>
/// <param name="Owner">What the measures are linked to.</param>
/// <param name="Group">The plan or strategy it belongs to.</param>
/// <param name="Label">"Priority 3 – …", "3.2 We will …", "Strand 4 – …".</param>
/// <param name="Measures">The linked measures, in link order.</param>
public sealed record MeasureLinkListing(MeasureLinkOwner Owner, string Group, string Label, IReadOnlyList<LinkedMeasure> Measures);
