using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Reports;

/// <summary>What the strategy scrutiny report (layout of seed 004) is drawn from: delivery plans and insights by strand.</summary>
/// <param name="StrategyTitle">"Crime Prevention Strategy".</param>
/// <param name="Period">The quarter reported on.</param>
/// <param name="Metadata">The metadata block.</param>
/// <param name="Strands">The thematic strands in progress-table order.</param>
/// <param name="PlanPriorities">The Police and Crime Plan priorities the strands deliver against (section 6.1).</param>
public sealed record StrategyReportData(
    string StrategyTitle,
    FinancialQuarter Period,
    ScrutinyPaperMetadata Metadata,
    IReadOnlyList<StrandReport> Strands,
    IReadOnlyList<string> PlanPriorities);

/// <summary>The metadata block of a scrutiny paper (dates are printed dd/mm/yyyy).</summary>
public sealed record ScrutinyPaperMetadata(
    string Programme,
    string ReportTo,
    Classification Classification,
    string AgendaNumber,
    string ChiefOfficer,
    DateOnly Written,
    string Version,
    string ReportFrom,
    DateOnly? Meeting,
    string Author,
    DateOnly? Approved);

/// <summary>One thematic strand: its lead, task counts, monthly crime series, delivery and the tasks at risk.</summary>
/// <param name="Name">"Domestic Abuse".</param>
/// <param name="ThematicLead">"Detective Chief Inspector A. Example".</param>
/// <param name="Complete">Tasks complete.</param>
/// <param name="Ongoing">Tasks ongoing or in progress.</param>
/// <param name="AtRisk">Tasks at risk.</param>
/// <param name="Monthly">Crimes recorded each month, oldest first (empty when the strand has no insight data).</param>
/// <param name="Achieved">Delivery achieved this quarter.</param>
/// <param name="Scheduled">Delivery scheduled next quarter.</param>
/// <param name="Risks">Every task at risk, with its risk and mitigation.</param>
public sealed record StrandReport(
    string Name,
    string ThematicLead,
    int Complete,
    int Ongoing,
    int AtRisk,
    IReadOnlyList<(ReportingMonth Month, int Count)> Monthly,
    IReadOnlyList<string> Achieved,
    IReadOnlyList<string> Scheduled,
    IReadOnlyList<(string Task, string Risk, string Mitigation)> Risks)
{
    /// <summary>Total tasks: complete + ongoing + at risk.</summary>
    public int Total => Complete + Ongoing + AtRisk;
}
