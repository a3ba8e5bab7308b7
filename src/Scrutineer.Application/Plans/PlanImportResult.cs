namespace Scrutineer.Application.Plans;

/// <summary>What a plan import wrote.</summary>
public sealed record PlanImportResult(string PlanTitle, int UnitsCreated, int UnitsUpdated, int Priorities, int Commitments);
