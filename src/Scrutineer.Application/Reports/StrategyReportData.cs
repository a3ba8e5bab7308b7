using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;
using Scrutineer.Domain.QuarterlyUpdates;

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
    IReadOnlyList<string> PlanPriorities)
{
    /// <summary>The day overdue tasks are judged on: today (Europe/London), or the period's last day when the period has ended.</summary>
    public DateOnly OverdueOn { get; init; } = Period.DataTo;

    /// <summary>Tasks due before <see cref="OverdueOn"/> and not complete on it, in strand order (the report's narrative by exception).</summary>
    public IReadOnlyList<OverdueTask> Overdue { get; init; } = [];
}

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

/// <summary>One thematic strand: its lead, task counts, insight measures, delivery and the tasks at risk.</summary>
/// <param name="Name">"Domestic Abuse".</param>
/// <param name="ThematicLead">"Detective Chief Inspector A. Example".</param>
/// <param name="Complete">Tasks complete.</param>
/// <param name="Ongoing">Tasks ongoing or in progress (started, not complete, not at risk).</param>
/// <param name="NotStarted">Tasks not started.</param>
/// <param name="AtRisk">Tasks at risk.</param>
/// <param name="Insights">The measures that illustrate the strand, each with its monthly counts (empty when none is linked).</param>
/// <param name="Achieved">Delivery achieved this quarter.</param>
/// <param name="Scheduled">Delivery scheduled next quarter.</param>
/// <param name="Risks">Every task at risk, with its owner, risk and mitigation.</param>
public sealed record StrandReport(
    string Name,
    string ThematicLead,
    int Complete,
    int Ongoing,
    int NotStarted,
    int AtRisk,
    IReadOnlyList<StrandInsight> Insights,
    IReadOnlyList<string> Achieved,
    IReadOnlyList<string> Scheduled,
    IReadOnlyList<StrandRisk> Risks)
{
    /// <summary>
    /// The OFFICIAL-SENSITIVE notes of the strand's delivery-plan tasks ("PROTECT 3 – …"), gathered only for the full
    /// version of the report; empty for the public version.
    /// </summary>
    public IReadOnlyList<string> SensitiveNotes { get; init; } = [];

    /// <summary>The OFFICIAL part of the lead's approved narrative for the quarter; empty when none is approved.</summary>
    public Commentary Narrative { get; init; } = Commentary.Empty;

    /// <summary>The OFFICIAL-SENSITIVE part of the approved narrative, gathered only for the full version of the report.</summary>
    public Commentary SensitiveNarrative { get; init; } = Commentary.Empty;

    /// <summary>The strand's measures beside the force's peers (<see cref="ReportPeerFigures"/>, no harm table); none when no peer group stands.</summary>
    public ReportPeerFigures Peers { get; init; } = ReportPeerFigures.None;

    /// <summary>Total tasks: complete + ongoing + not started + at risk.</summary>
    public int Total => Complete + Ongoing + NotStarted + AtRisk;
}

/// <summary>A count measure illustrating a strand: its monthly values up to the report's last month.</summary>
/// <param name="Measure">"Knife crime".</param>
/// <param name="Unit">"crimes", "incidents".</param>
/// <param name="Better">Which direction is better (for the SPC chart's verdict).</param>
/// <param name="Monthly">Counts by month, oldest first, ending with the latest month with data up to the period's last month.</param>
public sealed record StrandInsight(string Measure, string Unit, BetterDirection Better, IReadOnlyList<(ReportingMonth Month, long Count)> Monthly);

/// <summary>A delivery-plan task at risk.</summary>
/// <param name="Task">"PROTECT 3 – Check that every case … has a safety plan".</param>
/// <param name="Owner">Who owns the task ("No owner recorded" when the plan names nobody).</param>
/// <param name="Risk">What the risk is.</param>
/// <param name="Mitigation">What is being done about it ("None recorded" when blank).</param>
public sealed record StrandRisk(string Task, string Owner, string Risk, string Mitigation);

/// <summary>A delivery-plan task past its due date and not complete.</summary>
/// <param name="Strand">"Domestic Abuse".</param>
/// <param name="Task">"PROTECT 3 – Check that every case … has a safety plan".</param>
/// <param name="Due">The "When" as written ("Sep-23").</param>
/// <param name="DueOn">The day it was due (the last day of a month or season).</param>
/// <param name="Status">"not started", "ongoing" or "at risk".</param>
public sealed record OverdueTask(string Strand, string Task, string Due, DateOnly DueOn, string Status);
