using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Imports;

/// <summary>A month an import run holds as provisional, and why.</summary>
public sealed record HeldMonth(ReportingMonth Month, string Reason);
