using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.Imports;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Delivery;

/// <summary>Options for <see cref="DeliveryImport"/>.</summary>
/// <param name="StrategyName">The strategy to import into (created when missing); null means the store's only strategy.</param>
/// <param name="Today">The day status changes take effect.</param>
/// <param name="Period">The quarter that "achieved / scheduled" cells report on when a row gives none; null means the quarter containing <paramref name="Today"/>.</param>
public sealed record DeliveryImportOptions(string? StrategyName, DateOnly Today, FinancialQuarter? Period = null);

/// <summary>
/// Imports delivery-plan workbooks (.xlsx, .csv) into a crime prevention strategy: creates strands, plans and tasks,
/// updates tasks already stored (matched by plan, stage and number) and records their status changes. All files are
/// read and checked first; then everything is written in one transaction, or nothing is.
/// </summary>
public static partial class DeliveryImport
{
    /// <summary>Imports <paramref name="paths"/>.</summary>
    /// <exception cref="DeliveryImportException">A file cannot be read or holds no delivery plan, or a row breaks a rule; nothing is written.</exception>
    public static async Task<ImportReport> ImportAsync(ScrutineerDb db, IReadOnlyList<string> paths, DeliveryImportOptions options, CancellationToken ct = default)
    {
        var sheets = paths.Select(p => (File: Path.GetFileName(p), Sheets: WorkbookReader.Read(p, ct))).ToList();
        return await ImportAsync(db, sheets, options, ct, ImportedFile.Describe(paths, ct));
    }

    /// <summary>Imports sheets already read (one entry per file).</summary>
    /// <param name="db">The store.</param>
    /// <param name="files">The sheets of each file.</param>
    /// <param name="options">Strategy and dates.</param>
    /// <param name="ct">Cancels.</param>
    /// <param name="read">The files as the import run records them (names, sizes, SHA-256); by name only when not given.</param>
    public static async Task<ImportReport> ImportAsync(ScrutineerDb db, IReadOnlyList<(string File, IReadOnlyList<SheetGrid> Sheets)> files, DeliveryImportOptions options,
        CancellationToken ct = default, IReadOnlyList<ImportedFile>? read = null)
    {
        var started = AuditContext.Clock.GetUtcNow();
        var report = new ImportReport();
        var plans = new List<RawPlan>();
        var leads = new List<RawLeads>();
        var measures = new List<RawMeasure>();
        foreach (var (file, sheets) in files)
        {
            var (p, l, headerOnly, m) = DeliveryPlanParser.Parse(sheets, report);
            if (p.Count == 0 && headerOnly.Count > 0)
            {
                throw new DeliveryImportException(
                    $"{file}: the task header is there ({string.Join(", ", headerOnly.Select(s => $"sheet '{s}'"))}) but no task is written under it: "
                    + "expected one row per task, with its text in the Task column.");
            }

            if (p.Count == 0)
            {
                throw new DeliveryImportException(
                    $"{file}: no sheet has a recognisable header row. Expected a row such as 'Strand | Task | How will this be delivered?/ "
                    + "How will we measure performance? | Who | When | Task No' (a Task column and at least two of Strand, How, Who, When, Task No).");
            }

            plans.AddRange(p);
            leads.AddRange(l);
            measures.AddRange(m);
        }

        plans = DropEmptyCopies(plans, report);

        var strategy = await LoadStrategyAsync(db, options.StrategyName, report, ct);
        var commitments = plans.Any(p => p.Tasks.Any(t => t.Commitments.Length > 0)) ? await LatestPlanCommitmentsAsync(db, ct) : null;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var strandsByFile = new Dictionary<string, List<ThematicStrand>>(StringComparer.Ordinal);
        var resolved = new List<(RawPlan Raw, DeliveryPlan Plan)>();
        foreach (var raw in plans)
        {
            var strand = ResolveStrand(strategy, raw, report);
            var exists = strand.Plans.Any(p => ThematicStrand.Key(p.Title) == ThematicStrand.Key(raw.Title));
            var plan = strand.PlanTitled(raw.Title);
            if (!exists)
            {
                report.Add(raw.File, raw.Sheet, null, null, ImportNoteKind.Created, $"plan '{plan.Title}' added to strand '{strand.Title}'");
            }

            if (!strandsByFile.TryGetValue(raw.File, out var list))
            {
                strandsByFile[raw.File] = list = [];
            }

            if (!list.Contains(strand))
            {
                list.Add(strand);
            }

            resolved.Add((raw, plan));
        }

        foreach (var lead in leads)
        {
            ApplyLeads(strategy, lead, strandsByFile.GetValueOrDefault(lead.File) ?? [], options.Today, report);
        }

        foreach (var (raw, plan) in resolved)
        {
            var initials = Initials(plan.Strand, leads.Where(l => l.File == raw.File));
            ApplyPlan(raw, plan, initials, commitments, options, report);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (StoreValueException ex)
        {
            throw new DeliveryImportException($"{string.Join(", ", files.Select(f => f.File))}: {ex.Message} Nothing was imported.");
        }

        await ApplyMeasuresAsync(db, strategy, measures, strandsByFile, report, ct);

        await ImportRuns.RecordAsync(db, ImportRunKind.Delivery, started, read ?? files.Select(f => new ImportedFile(f.File, 0, "")).ToList(),
            plans.Sum(p => p.Tasks.Count), report.Summary, ct);
        await transaction.CommitAsync(ct);
        return report;
    }

    /// <summary>
    /// Replaces the linked measures of each strand a measures sheet names (through <see cref="Performance.MeasureLinks"/>, the plan
    /// file's rule); every problem is listed with its file, sheet, row and column, and then nothing is imported.
    /// </summary>
    private static async Task ApplyMeasuresAsync(ScrutineerDb db, CrimePreventionStrategy strategy, List<RawMeasure> measures,
        Dictionary<string, List<ThematicStrand>> strandsByFile, ImportReport report, CancellationToken ct)
    {
        if (measures.Count == 0)
        {
            return;
        }

        var storeNames = await Performance.MeasureLinks.StoreNamesAsync(db, ct);
        var problems = new List<string>();
        var byStrand = new Dictionary<ThematicStrand, List<(RawMeasure Raw, Performance.LinkedMeasure Link)>>();
        foreach (var m in measures)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{m.File}, sheet '{m.Sheet}', row {m.Row}");
            var fileStrands = strandsByFile.GetValueOrDefault(m.File) ?? [];
            var strand = m.Strand.Length > 0 ? strategy.FindStrand(m.Strand) : fileStrands.Count == 1 ? fileStrands[0] : null;
            if (strand is null)
            {
                problems.Add(m.Strand.Length > 0
                    ? $"{where}, Strand: '{m.Strand}' is not a strand of '{strategy.Title}'. Use one of: {string.Join(", ", strategy.Strands.Select(s => s.Title))}."
                    : $"{where}, Strand: this workbook's plans belong to {fileStrands.Count} strands ({string.Join(", ", fileStrands.Select(s => s.Title))}): write the strand in a Strand column.");
            }

            if (Performance.MeasureLinks.Problem(m.Name, storeNames) is { } problem)
            {
                problems.Add($"{where}, Measure: {problem}");
            }

            decimal? target = null;
            if (m.Target.Length > 0)
            {
                if (decimal.TryParse(m.Target, NumberStyles.Number, EnGb.Culture, out var value) && value >= 0)
                {
                    target = value;
                }
                else
                {
                    problems.Add($"{where}, Target: '{m.Target}' is not a number of 0 or more. Write the value aimed at for the latest 12 months, like 1200, or leave it empty.");
                }
            }

            Domain.Statistics.BetterDirection? better = m.Better.ToLowerInvariant() switch
            {
                "" => null,
                "lower" => Domain.Statistics.BetterDirection.Lower,
                "higher" => Domain.Statistics.BetterDirection.Higher,
                "neither" => Domain.Statistics.BetterDirection.Neither,
                _ => null,
            };
            if (better is null && m.Better.Length > 0)
            {
                problems.Add($"{where}, Better: '{m.Better}' is not lower, higher or neither. Write one of them, or leave it empty for the measure's own direction.");
            }

            if (strand is null)
            {
                continue;
            }

            if (!byStrand.TryGetValue(strand, out var list))
            {
                byStrand[strand] = list = [];
            }

            if (list.FirstOrDefault(x => string.Equals(x.Raw.Name, m.Name, StringComparison.OrdinalIgnoreCase)) is { Raw: { } first })
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where}, Measure: '{m.Name}' is already listed for '{strand.Title}' on row {first.Row}. List each measure once."));
                continue;
            }

            list.Add((m, new Performance.LinkedMeasure(m.Name, target, better)));
        }

        if (problems.Count > 0)
        {
            throw new DeliveryImportException(string.Create(CultureInfo.InvariantCulture,
                $"The measures sheet has {Figures.Count(problems.Count, "problem", "problems")}; nothing was imported:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}"));
        }

        foreach (var (strand, list) in byStrand)
        {
            await Performance.MeasureLinks.SetForStrandAsync(db, strand.Id, list.Select(x => x.Link).ToList(), ct);
            report.Add(list[0].Raw.File, list[0].Raw.Sheet, null, null, ImportNoteKind.Updated,
                $"measures of '{strand.Title}': {string.Join(", ", list.Select(x => x.Link.Name))}");
        }
    }

    private static List<RawPlan> DropEmptyCopies(List<RawPlan> plans, ImportReport report)
    {
        var kept = new List<RawPlan>();
        foreach (var group in plans.GroupBy(p => (ThematicStrand.Key(p.StrandName ?? ""), ThematicStrand.Key(p.Title))))
        {
            var best = group.OrderByDescending(p => p.FilledCells).ThenBy(p => plans.IndexOf(p)).First();
            foreach (var other in group.Where(p => p != best))
            {
                report.Add(other.File, other.Sheet, null, null, ImportNoteKind.Skipped,
                    string.Create(CultureInfo.InvariantCulture,
                        $"another copy of plan '{other.Title}' ({other.Tasks.Count} tasks, {other.FilledCells} How/Who/When cells filled); "
                        + $"the fuller copy on sheet '{best.Sheet}' of {best.File} ({best.FilledCells} filled) is imported instead"));
            }

            kept.Add(best);
        }

        return kept;
    }

    private static async Task<CrimePreventionStrategy> LoadStrategyAsync(ScrutineerDb db, string? name, ImportReport report, CancellationToken ct)
    {
        var query = db.Strategies.Include(s => s.Strands).ThenInclude(s => s.Plans).ThenInclude(p => p.Tasks).AsSplitQuery();
        if (string.IsNullOrWhiteSpace(name))
        {
            var all = await db.Strategies.Select(s => s.Title).ToListAsync(ct);
            return all.Count switch
            {
                1 => await query.SingleAsync(ct),
                0 => throw new DeliveryImportException("There is no crime prevention strategy in the store yet: name one with --strategy \"Crime Prevention Strategy 2018-2021\" and it will be created."),
                _ => throw new DeliveryImportException($"The store holds {all.Count} strategies ({string.Join(", ", all.Order(StringComparer.Ordinal).Select(t => $"'{t}'"))}); say which with --strategy."),
            };
        }

        var title = name.Trim();
        var strategy = await query.SingleOrDefaultAsync(s => s.Title == title, ct);
        if (strategy is not null)
        {
            return strategy;
        }

        var years = Years().Match(title);
        int? first = years.Success ? int.Parse(years.Groups["a"].Value, CultureInfo.InvariantCulture) : null;
        int? last = years.Success ? int.Parse(years.Groups["b"].Value, CultureInfo.InvariantCulture) : null;
        if (last is < 100 && first is { } f)
        {
            last = (f / 100 * 100) + last;
        }

        strategy = new CrimePreventionStrategy(title, first, last, null);
        db.Strategies.Add(strategy);
        report.Add("", "", null, null, ImportNoteKind.Created, $"strategy '{title}' created");
        return strategy;
    }

    private static ThematicStrand ResolveStrand(CrimePreventionStrategy strategy, RawPlan raw, ImportReport report)
    {
        if (raw.StrandName is { Length: > 0 } named)
        {
            return strategy.FindStrand(named) ?? Create(named, "named on the sheet");
        }

        var clean = PlanSuffix().Replace(PlanPrefix().Replace(raw.Title, ""), "").Trim();
        if (clean.Length == 0)
        {
            clean = raw.Title;
        }

        var found = strategy.FindStrand(clean) ?? strategy.FindStrand(raw.Title)
            ?? strategy.Strands.FirstOrDefault(s => s.Plans.Any(p => ThematicStrand.Key(p.Title) == ThematicStrand.Key(raw.Title)));
        if (found is not null)
        {
            return found;
        }

        var key = ThematicStrand.Key(clean);
        var near = strategy.Strands.FirstOrDefault(s => s.Aliases.Prepend(s.Title).Select(ThematicStrand.Key)
            .Any(k => k.Length >= 4 && (key.Contains(k, StringComparison.Ordinal) || k.Contains(key, StringComparison.Ordinal))));
        if (near is not null)
        {
            report.Add(raw.File, raw.Sheet, null, null, ImportNoteKind.Guessed, $"plan '{raw.Title}' filed under strand '{near.Title}' (the names overlap)");
            return near;
        }

        return Create(clean, $"from the plan title '{raw.Title}'");

        ThematicStrand Create(string title, string why)
        {
            var strand = strategy.AddStrand(title);
            report.Add(raw.File, raw.Sheet, null, null, ImportNoteKind.Created, $"strand '{strand.Title}' added to '{strategy.Title}' ({why})");
            return strand;
        }
    }

    private static void ApplyLeads(CrimePreventionStrategy strategy, RawLeads raw, List<ThematicStrand> fileStrands, DateOnly today, ImportReport report)
    {
        var source = $"{raw.File} › {raw.Sheet}";
        var hinted = raw.StrandHint is { } hint ? strategy.FindStrand(hint) ?? fileStrands.FirstOrDefault(s => Overlaps(s, hint)) : null;
        var targets = hinted is not null ? [hinted] : fileStrands;
        if (targets.Count == 0)
        {
            report.Add(raw.File, raw.Sheet, null, null, ImportNoteKind.Skipped, "leads sheet, but no plan in the same file to attach its leads to");
            return;
        }

        if (raw.Strategic is { } strategic)
        {
            foreach (var strand in targets)
            {
                if (strand.AssignLead(LeadRole.Strategic, strategic, null, today, source) is not null)
                {
                    report.Add(raw.File, raw.Sheet, null, null, ImportNoteKind.Updated, $"strategic lead of '{strand.Title}': {strategic}");
                }
            }
        }

        foreach (var (row, area, tactical, operational) in raw.Areas)
        {
            var strand = targets.Count == 1 ? targets[0] : targets.FirstOrDefault(s => Overlaps(s, area));
            if (strand is null)
            {
                strand = targets[0];
                report.Add(raw.File, raw.Sheet, row, null, ImportNoteKind.Guessed, $"area '{area}' matches no strand of this file by name; its leads are filed under '{strand.Title}'");
            }

            foreach (var (role, person) in new[] { (LeadRole.Tactical, tactical), (LeadRole.Operational, operational) })
            {
                if (person.Length > 0 && strand.AssignLead(role, LeadName(person), area, today, source) is not null)
                {
                    report.Add(raw.File, raw.Sheet, row, null, ImportNoteKind.Updated, $"{role.ToString().ToLowerInvariant()} lead of '{strand.Title}' ({area}): {LeadName(person)}");
                }
            }
        }
    }

    private static bool Overlaps(ThematicStrand strand, string name)
    {
        var key = ThematicStrand.Key(name);
        return strand.Plans.Select(p => p.Title).Concat(strand.Aliases).Prepend(strand.Title)
            .Any(t => DeliveryPlanParser.NamesAgree(name, t) || ThematicStrand.Key(t).Contains(key, StringComparison.Ordinal));
    }

    private static string LeadName(string person) => InitialsInBrackets().Replace(person, "").Trim();

    /// <summary>Initials → names, from the strand's stored leads and the leads sheets of the same file.</summary>
    private static Dictionary<string, string> Initials(ThematicStrand strand, IEnumerable<RawLeads> leads)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var people = strand.Leads.Select(l => l.Person)
            .Concat(leads.SelectMany(l => l.Areas.SelectMany(a => new[] { a.Tactical, a.Operational }).Append(l.Strategic ?? "")));
        foreach (var person in people.Where(p => p.Length > 0))
        {
            var bracket = InitialsInBrackets().Match(person);
            var name = LeadName(person);
            var initials = bracket.Success ? bracket.Groups["i"].Value : DerivedInitials(name);
            if (initials.Length >= 2)
            {
                map.TryAdd(initials, name);
            }
        }

        return map;
    }

    private static string DerivedInitials(string name)
    {
        string[] ranks = ["dci", "di", "ds", "dc", "pc", "ps", "sgt", "insp", "cinsp", "ci", "supt", "csupt", "chsupt", "dsupt", "dcs", "det", "ch", "acc", "dcc", "cc", "mr", "mrs", "ms", "dr"];
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !ranks.Contains(DeliveryPlanParser.Key(w)) && char.IsLetter(w[0])).ToList();
        return words.Count >= 2 ? string.Concat(char.ToUpperInvariant(words[0][0]), char.ToUpperInvariant(words[^1][0])) : "";
    }

    private static void ApplyPlan(RawPlan raw, DeliveryPlan plan, Dictionary<string, string> initials, List<Commitment>? commitments, DeliveryImportOptions options, ImportReport report)
    {
        NumberTasks(raw, report);
        var seenText = new Dictionary<string, RawTask>(StringComparer.Ordinal);
        var seen = new HashSet<(FourPStage, int)>();
        foreach (var t in raw.Tasks)
        {
            var source = string.Create(CultureInfo.InvariantCulture, $"{t.File} › {t.Sheet} › row {t.Row}");
            void Note(ImportNoteKind kind, string message) => report.Add(t.File, t.Sheet, t.Row, t.Label, kind, message);

            var textKey = DeliveryPlanParser.Key(t.Text);
            if (seenText.TryGetValue(textKey, out var twin))
            {
                Note(ImportNoteKind.Flagged, $"same task text as {twin.Label} (row {twin.Row}): a possible duplicate; both kept");
            }
            else
            {
                seenText[textKey] = t;
            }

            var owner = t.Who.Trim();
            if (owner.EndsWith('.') && !owner.EndsWith("..", StringComparison.Ordinal) && owner.Length > 1)
            {
                Note(ImportNoteKind.Normalised, $"owner '{owner}': stray full stop removed");
                owner = owner.TrimEnd('.').TrimEnd();
            }

            string? ownerName = null;
            if (owner.Length == 0)
            {
                Note(ImportNoteKind.Flagged, "no owner (Who is blank)");
            }
            else
            {
                var parts = Regex.Split(owner, @"\s*[/&,]\s*").Where(p => p.Length > 0).ToList();
                if (parts.Any(p => InitialsOnly().IsMatch(p)))
                {
                    var names = parts.Select(p => InitialsOnly().IsMatch(p) && initials.TryGetValue(p, out var n) ? n : p).ToList();
                    var unknown = parts.Where(p => InitialsOnly().IsMatch(p) && !initials.ContainsKey(p)).ToList();
                    if (unknown.Count > 0)
                    {
                        Note(ImportNoteKind.Flagged, $"owner initials {string.Join(", ", unknown)} are not among the strand's leads; kept as written");
                    }

                    if (unknown.Count < parts.Count(p => InitialsOnly().IsMatch(p)))
                    {
                        ownerName = string.Join(" / ", names);
                        Note(ImportNoteKind.Guessed, $"owner '{owner}' read as {ownerName} (initials from the strand leads)");
                    }
                }
            }

            var reading = TaskDueParser.Parse(t.When);
            if (t.When.Length == 0)
            {
                Note(ImportNoteKind.Flagged, "no When: no due date and no status given");
            }
            else if (reading.Note is { } dueNote)
            {
                var kind = reading.Due.Kind == DueKind.Milestone && reading.ImpliedStatus is null && reading.DuplicateOf is null
                    ? ImportNoteKind.Flagged
                    : reading.ImpliedStatus is not null ? ImportNoteKind.Guessed : ImportNoteKind.Normalised;
                Note(kind, $"When '{reading.Due.AsWritten}' {dueNote}");
            }

            DeliveryTaskStatus status;
            if (t.Status.Length > 0)
            {
                status = ParseStatus(t.Status) ?? throw new DeliveryImportException(
                    $"{t.File}, sheet '{t.Sheet}', row {t.Row}, Status: '{t.Status}' is not a status; expected Not started, Ongoing, Complete or At risk.");
            }
            else if (reading.ImpliedStatus is { } implied)
            {
                status = implied;
            }
            else
            {
                status = DeliveryTaskStatus.NotStarted;
                Note(ImportNoteKind.Guessed, "no status given; recorded as not started");
            }

            if (status == DeliveryTaskStatus.AtRisk && t.Risk.Length == 0)
            {
                throw new DeliveryImportException(
                    $"{t.File}, sheet '{t.Sheet}', row {t.Row}, Risk: task {t.Label} is at risk but the Risk cell is empty; say what the risk is.");
            }

            if (status == DeliveryTaskStatus.AtRisk && t.Mitigation.Length == 0)
            {
                Note(ImportNoteKind.Flagged, "at risk with no mitigation given");
            }

            if (reading.DuplicateOf is { } of)
            {
                Note(ImportNoteKind.Flagged, $"marked as a duplicate of task {of}");
            }

            var links = LinkNumbers(t.How + "\n" + t.Text);
            if (links.Count > 0)
            {
                Note(ImportNoteKind.Normalised, $"linked to task{(links.Count > 1 ? "s" : "")} {string.Join(", ", links)}");
            }

            var delivered = ResolveCommitments(t, commitments, Note);
            var (period, achieved, scheduled) = QuarterNotes(t, options);

            var key = (t.Stage, t.Number);
            seen.Add(key);
            var task = plan.Find(t.Stage, t.Number);
            var isNew = task is null;
            if (task is null)
            {
                task = plan.AddTask(t.Stage, t.Number, t.Text, options.Today, source);
                report.Created++;
            }

            var before = Snapshot(task);
            var previous = task.Status;
            var previousEntry = task.History[^1];
            var baseline = task.WorkbookStatus;
            WorkbookStatusOutcome outcome;
            try
            {
                task.Describe(t.Text, t.How, owner, ownerName, reading.Due);
                task.MarkDuplicateOf(reading.DuplicateOf == task.Number ? null : reading.DuplicateOf);
                task.SetLinks(links);
                if (delivered is not null)
                {
                    task.SetCommitments(delivered);
                }

                if (period is { } q)
                {
                    task.RecordQuarter(q, achieved, scheduled);
                }

                if (t.SensitiveNote is not null)
                {
                    task.NoteSensitive(t.SensitiveNote);
                }

                outcome = task.ImportStatus(status, options.Today, source, t.Risk, t.Mitigation);
            }
            catch (DomainException ex) when (ex is not DeliveryImportException)
            {
                throw new DeliveryImportException(string.Create(CultureInfo.InvariantCulture,
                    $"{t.File}, sheet '{t.Sheet}', row {t.Row}{(t.LastRow > t.Row ? $"-{t.LastRow}" : "")}: {ex.Message} Nothing was imported."));
            }

            var set = string.Create(CultureInfo.InvariantCulture, $"set {previousEntry.On.ToString("d MMMM yyyy", EnGb.Culture)} by {previousEntry.Source}");
            var was = baseline is { } b ? $"{Words(b)} at the last import" : "no status at an earlier import";
            switch (outcome)
            {
                case WorkbookStatusOutcome.Taken when !isNew:
                    report.StatusChanges++;
                    Note(ImportNoteKind.Updated, $"status {Words(previous)} → {Words(status)}");
                    break;
                case WorkbookStatusOutcome.Taken:
                    report.StatusChanges++;
                    break;
                case WorkbookStatusOutcome.WorkbookWon:
                    report.StatusChanges++;
                    Note(ImportNoteKind.Conflict,
                        $"status: the workbook's {Words(status)} replaces {Words(previous)} ({set}), because the workbook's own status changed since the last import (it gave {was})");
                    break;
                case WorkbookStatusOutcome.KeptScrutineer:
                    Note(ImportNoteKind.Conflict,
                        $"status: {Words(previous)} ({set}) is kept, because the workbook's own status has not changed since the last import (it still gives {Words(status)})");
                    break;
                case WorkbookStatusOutcome.Unchanged:
                    break;
            }

            if (isNew)
            {
                continue;
            }

            var changed = Changes(before, Snapshot(task));
            if (changed.Count > 0 || previous != task.Status)
            {
                report.Updated++;
                if (changed.Count > 0)
                {
                    Note(ImportNoteKind.Updated, "changed: " + string.Join(", ", changed));
                }
            }
            else
            {
                report.Unchanged++;
            }
        }

        foreach (var missing in plan.Tasks.Where(x => !seen.Contains((x.Stage, x.Number))))
        {
            report.Add(raw.File, raw.Sheet, null, missing.Reference, ImportNoteKind.Flagged, $"stored task of '{plan.Title}' is not in this workbook; left as it was");
        }
    }

    private static void NumberTasks(RawPlan raw, ImportReport report)
    {
        foreach (var t in raw.Tasks)
        {
            t.Number = DeliveryPlanParser.ParseNumber(t.NumberText) ?? 0;
            if (t.Number == 0 && t.NumberText.Length > 0)
            {
                report.Add(t.File, t.Sheet, t.Row, null, ImportNoteKind.Flagged, $"task number '{t.NumberText}' is not a whole number");
            }
        }

        var unnumbered = raw.Tasks.Where(t => t.Number == 0).ToList();
        var byPosition = unnumbered.Count == raw.Tasks.Count;
        var next = raw.Tasks.Count == 0 ? 1 : raw.Tasks.Max(t => t.Number) + 1;
        for (var i = 0; i < unnumbered.Count; i++)
        {
            var t = unnumbered[i];
            t.Number = byPosition ? raw.Tasks.IndexOf(t) + 1 : next++;
            report.Add(t.File, t.Sheet, t.Row, t.Label, ImportNoteKind.Guessed,
                byPosition ? $"no task number; numbered {t.Number} by its position in the plan" : $"no task number; given the next free number, {t.Number}");
        }

        var used = new Dictionary<(FourPStage, int), RawTask>();
        foreach (var t in raw.Tasks)
        {
            if (used.TryGetValue((t.Stage, t.Number), out var first))
            {
                var old = t.Label;
                t.Number = Math.Max(next, raw.Tasks.Max(x => x.Number) + 1);
                next = t.Number + 1;
                report.Add(t.File, t.Sheet, t.Row, t.Label, ImportNoteKind.Flagged,
                    $"{old} is used twice in the plan (rows {first.Row} and {t.Row}); this one is stored as {t.Label}");
            }

            used[(t.Stage, t.Number)] = t;
        }

        var numbers = raw.Tasks.Select(t => t.Number).ToHashSet();
        var gaps = Enumerable.Range(1, numbers.Count == 0 ? 0 : numbers.Max()).Where(n => !numbers.Contains(n)).ToList();
        if (gaps.Count > 0)
        {
            report.Add(raw.File, raw.Sheet, null, null, ImportNoteKind.Flagged,
                $"plan '{raw.Title}' has no task numbered {string.Join(", ", gaps)} (numbers are skipped)");
        }
    }

    private static List<Commitment>? ResolveCommitments(RawTask t, List<Commitment>? commitments, Action<ImportNoteKind, string> note)
    {
        if (t.Commitments.Length == 0)
        {
            return commitments is null ? null : [];
        }

        var result = new List<Commitment>();
        foreach (Match match in CommitmentReference().Matches(t.Commitments))
        {
            var p = int.Parse(match.Groups["p"].Value, CultureInfo.InvariantCulture);
            var c = int.Parse(match.Groups["c"].Value, CultureInfo.InvariantCulture);
            var found = commitments?.FirstOrDefault(x => x.Priority.Number == p && x.Number == c);
            if (found is null)
            {
                note(ImportNoteKind.Flagged, $"plan commitment {p}.{c} is not in the current Police and Crime Plan; not linked");
            }
            else
            {
                result.Add(found);
            }
        }

        return result;
    }

    private static (FinancialQuarter? Period, List<string> Achieved, List<string> Scheduled) QuarterNotes(RawTask t, DeliveryImportOptions options)
    {
        if (t.Achieved.Length == 0 && t.Scheduled.Length == 0)
        {
            return (null, [], []);
        }

        FinancialQuarter period;
        if (t.Quarter.Length > 0)
        {
            if (!FinancialQuarter.TryParse(t.Quarter, out period, out var error))
            {
                throw new DeliveryImportException($"{t.File}, sheet '{t.Sheet}', row {t.Row}, Quarter: {error}");
            }
        }
        else
        {
            period = options.Period ?? FinancialQuarter.Of(options.Today);
        }

        return (period, Lines(t.Achieved), Lines(t.Scheduled));

        static List<string> Lines(string text) =>
            text.Split('\n').Select(l => l.Trim().TrimStart('•', '-', '*', '·').Trim()).Where(l => l.Length > 0).ToList();
    }

    private static async Task<List<Commitment>> LatestPlanCommitmentsAsync(ScrutineerDb db, CancellationToken ct)
    {
        var plans = await db.Plans.Select(p => new { p.Id, p.LastYear }).ToListAsync(ct);
        var latest = plans.OrderByDescending(p => p.LastYear).ThenByDescending(p => p.Id).FirstOrDefault();
        return latest is null ? [] : await db.Commitments.Include(c => c.Priority).Where(c => c.Priority.PlanId == latest.Id).ToListAsync(ct);
    }

    /// <summary>Task numbers named after "linked to" (up to the end of the sentence): "Linked to action (17) (11)", "Linked to 10 &amp; 15.".</summary>
    internal static List<int> LinkNumbers(string text)
    {
        var numbers = new SortedSet<int>();
        foreach (Match match in LinkedTo().Matches(text))
        {
            foreach (Match n in Regex.Matches(match.Groups["rest"].Value, @"(?<![\d.£])\b(\d{1,3})\b(?![\d%.]\d)"))
            {
                numbers.Add(int.Parse(n.Value, CultureInfo.InvariantCulture));
            }
        }

        return numbers.ToList();
    }

    /// <summary>"Not started", "Ongoing", "In progress", "Complete", "At risk" (case and spacing forgiven).</summary>
    public static DeliveryTaskStatus? ParseStatus(string text) => DeliveryPlanParser.Key(text) switch
    {
        "notstarted" or "open" => DeliveryTaskStatus.NotStarted,
        "ongoing" or "inprogress" or "ontrack" or "ongoinginprogress" => DeliveryTaskStatus.Ongoing,
        "complete" or "completed" or "done" => DeliveryTaskStatus.Complete,
        "atrisk" => DeliveryTaskStatus.AtRisk,
        _ => null,
    };

    /// <summary>"Not started", "Ongoing", "Complete", "At risk".</summary>
    public static string Words(DeliveryTaskStatus status) => status switch
    {
        DeliveryTaskStatus.NotStarted => "Not started",
        DeliveryTaskStatus.Ongoing => "Ongoing",
        DeliveryTaskStatus.Complete => "Complete",
        DeliveryTaskStatus.AtRisk => "At risk",
    };

    private static Dictionary<string, string> Snapshot(DeliveryTask task) => new(StringComparer.Ordinal)
    {
        ["task"] = task.Text,
        ["how"] = task.HowMeasured,
        ["owner"] = task.Owner,
        ["when"] = task.Due.AsWritten,
        ["duplicate"] = task.DuplicateOf?.ToString(CultureInfo.InvariantCulture) ?? "",
        ["links"] = string.Join(",", task.LinkedNumbers),
        ["commitments"] = string.Join(",", task.Commitments.Select(c => c.Id)),
        ["quarterly notes"] = string.Join("|", task.Notes.Select(n => $"{n.Period.Code}{n.Kind}{n.Text}")),
        ["risk"] = task.Risk ?? "",
        ["mitigation"] = task.Mitigation ?? "",
        ["OFFICIAL-SENSITIVE note"] = task.SensitiveNote ?? "",
    };

    private static List<string> Changes(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Where(kv => after[kv.Key] != kv.Value).Select(kv => kv.Key).ToList();

    [GeneratedRegex(@"(?<a>(?:19|20)\d{2})\s*[-–/]\s*(?<b>(?:19|20)?\d{2})")]
    private static partial Regex Years();

    [GeneratedRegex(@"^(?:violence\s+)?4\s*ps?\s+(?:delivery\s+)?plan\s*[-–:]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex PlanPrefix();

    [GeneratedRegex(@"\s*[-–:]?\s*(?:crime\s+prevention\s+)?4\s*ps?\s+(?:delivery\s+)?plan$", RegexOptions.IgnoreCase)]
    private static partial Regex PlanSuffix();

    [GeneratedRegex(@"\((?<i>[A-Z]{2,3})\)")]
    private static partial Regex InitialsInBrackets();

    [GeneratedRegex(@"^[A-Z]{2,3}$")]
    private static partial Regex InitialsOnly();

    [GeneratedRegex(@"(?<p>\d{1,2})\.(?<c>\d{1,2})")]
    private static partial Regex CommitmentReference();

    [GeneratedRegex(@"linked\s+to\b(?<rest>[^.\n]*(?:\.\s*\d[^.\n]*)?)", RegexOptions.IgnoreCase)]
    private static partial Regex LinkedTo();
}
