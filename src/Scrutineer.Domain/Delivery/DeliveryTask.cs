using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Domain.Delivery;

/// <summary>
/// A task (or "action") of a 4P delivery plan: its stage and number, the task, how it will be delivered and measured,
/// who owns it and when it is due (both kept as written), its status with history, the risk and mitigation while it
/// is at risk, links to other tasks and to plan commitments, and its quarterly "achieved / scheduled" lines.
/// </summary>
/// <remarks>
/// Rules: a task is at risk only with a described risk; leaving "at risk" clears the risk and mitigation (the history
/// keeps them); status changes are appended to the history, never rewritten.
/// </remarks>
public sealed class DeliveryTask
{
    private readonly List<TaskStatusChange> history = [];
    private readonly List<TaskLink> links = [];
    private readonly List<TaskCommitment> commitments = [];
    private readonly List<TaskQuarterNote> notes = [];

    private DeliveryTask()
    {
        Text = "";
        HowMeasured = "";
        Owner = "";
        Due = TaskDue.Blank;
        Plan = null!;
    }

    internal DeliveryTask(DeliveryPlan plan, FourPStage stage, int number, string text, DateOnly on, string source)
    {
        if (number < 1)
        {
            throw new DomainException($"Task numbers start at 1; {number} is not allowed.");
        }

        Plan = plan;
        Stage = stage;
        Number = number;
        Text = Required(text);
        HowMeasured = "";
        Owner = "";
        Due = TaskDue.Blank;
        Status = DeliveryTaskStatus.NotStarted;
        history.Add(new TaskStatusChange(1, on, null, DeliveryTaskStatus.NotStarted, source, null, null));
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>Identity of the plan.</summary>
    public int PlanId { get; private set; }

    /// <summary>The delivery plan.</summary>
    public DeliveryPlan Plan { get; private set; }

    /// <summary>Prevent, Pursue, Protect or Prepare.</summary>
    public FourPStage Stage { get; private set; }

    /// <summary>The task (or action) number, from 1; unique within the plan only together with the stage.</summary>
    public int Number { get; private set; }

    /// <summary>"PREVENT 3".</summary>
    public string Reference => $"{Stage.ToString().ToUpperInvariant()} {Number}";

    /// <summary>The task.</summary>
    public string Text { get; private set; }

    /// <summary>"How will this be delivered? / How will we measure performance?", as written (may be empty).</summary>
    public string HowMeasured { get; private set; }

    /// <summary>The Who cell as written: a person, rank and name, initials, a role or a team; empty when not given.</summary>
    public string Owner { get; private set; }

    /// <summary>The owner's full name when the Who cell gave initials found among the strand's leads ("JF" → "DCI Jasmine Frost").</summary>
    public string? OwnerName { get; private set; }

    /// <summary>The When cell, as written and as read.</summary>
    public TaskDue Due { get; private set; }

    /// <summary>The current status.</summary>
    public DeliveryTaskStatus Status { get; private set; }

    /// <summary>What puts delivery at risk, while the task is at risk.</summary>
    public string? Risk { get; private set; }

    /// <summary>What is being done about the risk, while the task is at risk.</summary>
    public string? Mitigation { get; private set; }

    /// <summary>
    /// The task's OFFICIAL-SENSITIVE note (covert tactics, named people, the sensitive detail of a risk); null when there is
    /// none. Every other text of the task is OFFICIAL and refuses a typed marking.
    /// </summary>
    public string? SensitiveNote { get; private set; }

    /// <summary>The number of the task this one says it duplicates, if any.</summary>
    public int? DuplicateOf { get; private set; }

    /// <summary>
    /// The status the delivery workbook gave at the last import (the baseline a re-import compares with); null before
    /// the task was first imported, when the baseline is the status the task was created with.
    /// </summary>
    public DeliveryTaskStatus? WorkbookStatus { get; private set; }

    /// <summary>The risk the delivery workbook gave at the last import, when its status was at risk.</summary>
    public string? WorkbookRisk { get; private set; }

    /// <summary>The mitigation the delivery workbook gave at the last import, when its status was at risk.</summary>
    public string? WorkbookMitigation { get; private set; }

    /// <summary>Status history, oldest first.</summary>
    public IReadOnlyList<TaskStatusChange> History => history.OrderBy(h => h.Sequence).ToList();

    /// <summary>Numbers of the tasks of the same plan this one is linked to.</summary>
    public IReadOnlyList<int> LinkedNumbers => links.Select(l => l.TargetNumber).OrderBy(n => n).ToList();

    /// <summary>The plan commitments this task helps deliver.</summary>
    public IReadOnlyList<Commitment> Commitments => commitments.Select(c => c.Commitment).ToList();

    /// <summary>Identities of the plan commitments this task helps deliver.</summary>
    public IReadOnlyList<int> CommitmentIds => commitments.Select(c => c.CommitmentId).ToList();

    /// <summary>Every quarterly line, in period, kind and position order.</summary>
    public IReadOnlyList<TaskQuarterNote> Notes => notes.OrderBy(n => n.Period).ThenBy(n => n.Kind).ThenBy(n => n.Position).ToList();

    /// <summary>Changes the written fields.</summary>
    /// <exception cref="DomainException">Blank task text, or a marking typed into OFFICIAL text.</exception>
    public void Describe(string text, string? howMeasured, string? owner, string? ownerName, TaskDue due)
    {
        MarkingInText.RefuseIn(text, $"Task {Reference}'s text");
        MarkingInText.RefuseIn(howMeasured, $"Task {Reference}'s \"how measured\"");
        Text = Required(text);
        HowMeasured = howMeasured?.Trim() ?? "";
        Owner = owner?.Trim() ?? "";
        OwnerName = string.IsNullOrWhiteSpace(ownerName) ? null : ownerName.Trim();
        Due = due;
    }

    /// <summary>
    /// Moves the task to <paramref name="status"/> from <paramref name="on"/>, recording it in the history. Returns false
    /// (and records nothing) when the status, risk and mitigation are unchanged.
    /// </summary>
    /// <exception cref="DomainException">At risk without a risk described, or a day before the last recorded change.</exception>
    public bool ChangeStatus(DeliveryTaskStatus status, DateOnly on, string source, string? risk = null, string? mitigation = null)
    {
        if (CheckStatus(status, risk, mitigation).FirstOrDefault() is { Message: { } problem })
        {
            throw new DomainException($"Task {Reference} of '{Plan.Title}': {problem.TrimEnd('.')}.");
        }

        risk = string.IsNullOrWhiteSpace(risk) ? null : risk.Trim();
        mitigation = string.IsNullOrWhiteSpace(mitigation) ? null : mitigation.Trim();

        if (status != DeliveryTaskStatus.AtRisk)
        {
            risk = null;
            mitigation = null;
        }

        if (status == Status && risk == Risk && mitigation == Mitigation)
        {
            return false;
        }

        var last = history.MaxBy(h => h.Sequence)!;
        if (on < last.On)
        {
            throw new DomainException(
                $"Task {Reference} of '{Plan.Title}' already has a status recorded on {last.On.ToString("d MMMM yyyy", EnGb.Culture)}; a change cannot take effect earlier.");
        }

        history.Add(new TaskStatusChange(last.Sequence + 1, on, Status, status, source, risk, mitigation));
        Status = status;
        Risk = risk;
        Mitigation = mitigation;
        return true;
    }

    /// <summary>The most characters a task's risk, mitigation or OFFICIAL-SENSITIVE note may hold.</summary>
    public const int TextMaxLength = 4000;

    /// <summary>
    /// Every reason a status change with <paramref name="risk"/> and <paramref name="mitigation"/> would be refused, in
    /// field order, in GOV.UK words, each against its field (<c>Risk</c>, <c>Mitigation</c>): at risk without a risk; a
    /// protective marking typed into either; either longer than <see cref="TextMaxLength"/>. Empty when it is fine.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> CheckStatus(DeliveryTaskStatus status, string? risk, string? mitigation)
    {
        var problems = new List<(string Field, string Message)>();
        if (status == DeliveryTaskStatus.AtRisk && string.IsNullOrWhiteSpace(risk))
        {
            problems.Add((nameof(Risk), "Enter the risk: a task at risk must say what might stop it being delivered"));
        }

        foreach (var (field, text, what) in new[] { (nameof(Risk), risk, "The risk"), (nameof(Mitigation), mitigation, "The mitigation") })
        {
            if ((MarkingInText.Find(text) is { } marking ? MarkingInText.Describe(marking, what) : TextLimit.Exceeded(text, TextMaxLength, what)) is { } problem)
            {
                problems.Add((field, problem));
            }
        }

        return problems;
    }

    /// <summary>Why the OFFICIAL-SENSITIVE note <paramref name="note"/> would be refused (longer than <see cref="TextMaxLength"/>); null when it is fine.</summary>
    public static string? CheckNote(string? note) => TextLimit.Exceeded(note, TextMaxLength, "The OFFICIAL-SENSITIVE note");

    /// <summary>
    /// Applies the status a delivery workbook gives for the task (with its risk and mitigation), respecting a status
    /// changed in Scrutineer since the last import: that status is kept unless the workbook's own status changed since
    /// the last import. Either way the workbook's status becomes the baseline for the next import.
    /// </summary>
    /// <exception cref="DomainException">At risk without a risk described, or a day before the last recorded change.</exception>
    public WorkbookStatusOutcome ImportStatus(DeliveryTaskStatus status, DateOnly on, string source, string? risk = null, string? mitigation = null)
    {
        var workbook = Reading(status, risk, mitigation);
        MarkingInText.RefuseIn(workbook.Item2, $"Task {Reference}'s risk");
        MarkingInText.RefuseIn(workbook.Item3, $"Task {Reference}'s mitigation");
        if (status == DeliveryTaskStatus.AtRisk && workbook.Item2 is null)
        {
            throw new DomainException($"Task {Reference} of '{Plan.Title}' cannot be marked at risk without saying what the risk is.");
        }

        var baseline = WorkbookStatus is { } s
            ? (s, WorkbookRisk, WorkbookMitigation)
            : (history.MinBy(h => h.Sequence)!.To, (string?)null, (string?)null);
        var current = (Status, Risk, Mitigation);
        var changedHere = current != baseline;
        var workbookChanged = workbook != baseline;

        WorkbookStatusOutcome outcome;
        if (workbook == current)
        {
            outcome = WorkbookStatusOutcome.Unchanged;
        }
        else if (changedHere && !workbookChanged)
        {
            outcome = WorkbookStatusOutcome.KeptScrutineer;
        }
        else
        {
            ChangeStatus(status, on, source, risk, mitigation);
            outcome = changedHere ? WorkbookStatusOutcome.WorkbookWon : WorkbookStatusOutcome.Taken;
        }

        (WorkbookStatus, WorkbookRisk, WorkbookMitigation) = workbook;
        return outcome;
    }

    private static (DeliveryTaskStatus, string?, string?) Reading(DeliveryTaskStatus status, string? risk, string? mitigation) =>
        status == DeliveryTaskStatus.AtRisk
            ? (status, string.IsNullOrWhiteSpace(risk) ? null : risk.Trim(), string.IsNullOrWhiteSpace(mitigation) ? null : mitigation.Trim())
            : (status, null, null);

    /// <summary>Sets or clears (with null or blank) the task's OFFICIAL-SENSITIVE note. Returns whether it changed.</summary>
    public bool NoteSensitive(string? note)
    {
        if (CheckNote(note) is { } problem)
        {
            throw new DomainException(problem);
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note == SensitiveNote)
        {
            return false;
        }

        SensitiveNote = note;
        return true;
    }

    /// <summary>The status in force at the end of <paramref name="day"/>, or null if the task did not exist yet.</summary>
    public DeliveryTaskStatus? StatusOn(DateOnly day) => history.Where(h => h.On <= day).MaxBy(h => h.Sequence)?.To;

    /// <summary>The history entry in force at the end of <paramref name="day"/>, or null if the task did not exist yet.</summary>
    public TaskStatusChange? EntryOn(DateOnly day) => history.Where(h => h.On <= day).MaxBy(h => h.Sequence);

    /// <summary>Records (or clears, with null) the number of the task this one duplicates.</summary>
    /// <exception cref="DomainException">The task names itself.</exception>
    public void MarkDuplicateOf(int? number)
    {
        if (number == Number)
        {
            throw new DomainException($"Task {Reference} of '{Plan.Title}' cannot duplicate itself.");
        }

        DuplicateOf = number;
    }

    /// <summary>Replaces the links to other tasks of the plan (its own number is ignored).</summary>
    public void SetLinks(IEnumerable<int> numbers)
    {
        links.Clear();
        links.AddRange(numbers.Where(n => n > 0 && n != Number).Distinct().Order().Select(n => new TaskLink(n)));
    }

    /// <summary>Replaces the plan commitments the task helps deliver.</summary>
    public void SetCommitments(IEnumerable<Commitment> delivered)
    {
        var wanted = delivered.Distinct().ToList();
        commitments.RemoveAll(c => !wanted.Any(w => ReferenceEquals(w, c.Commitment) || (w.Id != 0 && w.Id == c.CommitmentId)));
        foreach (var commitment in wanted.Where(w => !commitments.Any(c => ReferenceEquals(w, c.Commitment) || (w.Id != 0 && w.Id == c.CommitmentId))))
        {
            commitments.Add(new TaskCommitment(commitment));
        }
    }

    /// <summary>Replaces the "achieved this quarter" and "scheduled next quarter" lines for <paramref name="period"/>.</summary>
    public void RecordQuarter(FinancialQuarter period, IEnumerable<string> achieved, IEnumerable<string> scheduled)
    {
        notes.RemoveAll(n => n.Period == period);
        Add(QuarterNoteKind.Achieved, achieved);
        Add(QuarterNoteKind.Scheduled, scheduled);

        void Add(QuarterNoteKind kind, IEnumerable<string> lines)
        {
            var position = 0;
            foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                MarkingInText.RefuseIn(line, $"Task {Reference}'s {(kind == QuarterNoteKind.Achieved ? "achieved" : "scheduled")} lines for {period}");
                notes.Add(new TaskQuarterNote(period, kind, ++position, line.Trim()));
            }
        }
    }

    /// <summary>The lines of <paramref name="kind"/> for <paramref name="period"/>.</summary>
    public IReadOnlyList<string> NotesFor(FinancialQuarter period, QuarterNoteKind kind) =>
        notes.Where(n => n.Period == period && n.Kind == kind).OrderBy(n => n.Position).Select(n => n.Text).ToList();

    private static string Required(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainException("A delivery task needs its task text.") : text.Trim();

    /// <summary>Whether the task is past its due date on <paramref name="today"/>: a dated task, not complete and not a duplicate, due before today.</summary>
    public bool IsPastDue(DateOnly today) =>
        Status != DeliveryTaskStatus.Complete && DuplicateOf is null && Due.Date is { } due && due < today;
}
