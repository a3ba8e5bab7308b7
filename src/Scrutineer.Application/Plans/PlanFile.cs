using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Plans;

/// <summary>
/// A plan as written in a plan file (YAML, docs/plan-file.md): the plan, its units, priorities and commitments.
/// Read by <see cref="PlanFileReader"/>, written by <see cref="PlanFileWriter"/>; the two round-trip exactly.
/// </summary>
public sealed record PlanFile(
    string Title,
    FinancialYear FirstYear,
    FinancialYear LastYear,
    FinancialYear? ExtendedTo,
    string? ExtensionReason,
    DocumentMetadata Document,
    IReadOnlyList<PlanFile.UnitEntry> Units,
    IReadOnlyList<PlanFile.PriorityEntry> Priorities)
{
    /// <summary>A unit: short name (its key), full name, kind and parent's short name.</summary>
    public sealed record UnitEntry(string Short, string Name, UnitKind Kind, string? Parent, int Line);

    /// <summary>A priority with its commitments and the measures that show its progress.</summary>
    public sealed record PriorityEntry(int Number, string Title, string Objective, IReadOnlyList<CommitmentEntry> Commitments, int Line, IReadOnlyList<MeasureEntry>? Measures = null);

    /// <summary>A commitment: "We will" text, units (short names), sub-points, and what it carries forward.</summary>
    public sealed record CommitmentEntry(
        string WeWill,
        IReadOnlyList<string> Who,
        IReadOnlyList<string> SubPoints,
        CarryForward? CarriesForward,
        int Line,
        IReadOnlyList<MeasureEntry>? Measures = null);

    /// <summary>A measure named (by the store's name) as showing progress, with an optional target and better direction.</summary>
    public sealed record MeasureEntry(string Name, decimal? Target, BetterDirection? Better, int Line);

    /// <summary>A commitment of an earlier plan, named by the plan's title and the commitment's reference ("3.2").</summary>
    public sealed record CarryForward(string Plan, string Commitment);
}
