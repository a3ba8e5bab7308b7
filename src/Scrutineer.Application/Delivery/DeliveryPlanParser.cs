using System.Globalization;
using System.Text.RegularExpressions;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Documents;

namespace Scrutineer.Application.Delivery;

/// <summary>
/// Turns sheets laid out as the force's 4P workbooks into plans, tasks and leads, writing to the report whatever it
/// had to normalise, guess or flag. Understands the header row
/// <c>Strand | Task | How will this be delivered?/ How will we measure performance? | Who | When | Task No</c>
/// (also "How", "Action No"), optional extra columns (Status, Risk, Mitigation, Plan commitments, Quarter,
/// Achieved this quarter, Scheduled next quarter, Thematic strand, Plan, and "Sensitive notes" or "OFFICIAL-SENSITIVE
/// notes", the task's OFFICIAL-SENSITIVE note), the stage written only on the first row of its block, tasks split over
/// two rows, continuation rows, and trailing garbage rows. Every other cell it reads is OFFICIAL: a protective marking
/// typed into one fails the import, naming the file, sheet, row and column.
/// </summary>
internal static partial class DeliveryPlanParser
{
    private enum Column
    {
        Stage,
        Task,
        How,
        Who,
        When,
        Number,
        Status,
        Risk,
        Mitigation,
        Commitments,
        Quarter,
        Achieved,
        Scheduled,
        Strand,
        Plan,
        SensitiveNote,
    }

    /// <summary>The plans, leads and measures on <paramref name="sheets"/>, and the sheets that have a task header but no task under it.</summary>
    public static (List<RawPlan> Plans, List<RawLeads> Leads, List<string> HeaderOnlySheets, List<RawMeasure> Measures) Parse(IReadOnlyList<SheetGrid> sheets, ImportReport report)
    {
        var plans = new List<RawPlan>();
        var leads = new List<RawLeads>();
        var measures = new List<RawMeasure>();
        var headerOnly = new List<string>();
        foreach (var sheet in sheets)
        {
            var header = FindHeader(sheet);
            if (header is not null)
            {
                var found = ParsePlans(sheet, header.Value.Index, header.Value.Columns, report);
                plans.AddRange(found);
                if (found.Count == 0)
                {
                    headerOnly.Add(sheet.Name);
                }
            }
            else if (sheet.Rows.Take(15).Any(r => r.Cells.Any(c => c.Contains("Strand Leads", StringComparison.OrdinalIgnoreCase))))
            {
                leads.Add(ParseLeads(sheet, report));
            }
            else if (MeasuresSheet.Header(sheet) is { } measuresHeader)
            {
                measures.AddRange(MeasuresSheet.Read(sheet, measuresHeader, report));
            }
            else
            {
                report.Add(sheet.File, sheet.Name, null, null, ImportNoteKind.Skipped,
                    sheet.Rows.Count == 0 ? "empty sheet" : "no task header row (Task, Who, When …) and no strand leads: not a delivery plan, not read");
            }
        }

        return (plans, leads, headerOnly, measures);
    }

    private static (int Index, Dictionary<Column, int> Columns)? FindHeader(SheetGrid sheet)
    {
        for (var i = 0; i < Math.Min(sheet.Rows.Count, 40); i++)
        {
            var columns = new Dictionary<Column, int>();
            var row = sheet.Rows[i];
            for (var c = 0; c < row.Cells.Count; c++)
            {
                if (HeaderColumn(row[c]) is { } column && !columns.ContainsKey(column))
                {
                    columns[column] = c;
                }
            }

            var support = new[] { Column.Who, Column.When, Column.Number, Column.How, Column.Stage }.Count(columns.ContainsKey);
            if (columns.ContainsKey(Column.Task) && support >= 2)
            {
                return (i, columns);
            }
        }

        return null;
    }

    private static Column? HeaderColumn(string text)
    {
        var key = Key(text);
        return key switch
        {
            "thematicstrand" => Column.Strand,
            "strand" or "stage" or "4p" or "4pstage" or "p" => Column.Stage,
            "task" or "action" or "tasks" or "actions" => Column.Task,
            "who" or "owner" or "lead" => Column.Who,
            "when" or "due" or "by when" => Column.When,
            "taskno" or "actionno" or "no" or "number" or "tasknumber" or "actionnumber" or "ref" => Column.Number,
            "status" => Column.Status,
            "risk" => Column.Risk,
            "mitigation" => Column.Mitigation,
            "plancommitments" or "commitments" or "wewills" or "linkstoplan" => Column.Commitments,
            "quarter" or "period" => Column.Quarter,
            "achievedthisquarter" or "deliveryachievedthisquarter" or "achieved" => Column.Achieved,
            "schedulednextquarter" or "deliveryschedulednextquarter" or "scheduled" => Column.Scheduled,
            "plan" or "deliveryplan" => Column.Plan,
            "sensitivenote" or "sensitivenotes" or "officialsensitivenote" or "officialsensitivenotes" or "officialsensitive" => Column.SensitiveNote,
            _ when key.StartsWith("how", StringComparison.Ordinal) => Column.How,
            _ => null,
        };
    }

    private static List<RawPlan> ParsePlans(SheetGrid sheet, int headerIndex, Dictionary<Column, int> columns, ImportReport report)
    {
        var header = sheet.Rows[headerIndex];
        foreach (var (cell, index) in header.Cells.Select((c, i) => (c, i)))
        {
            if (cell.Length > 0 && HeaderColumn(cell) is null)
            {
                report.Add(sheet.File, sheet.Name, header.Number, null, ImportNoteKind.Skipped, $"column '{cell}' is not one the import knows; its cells are not read");
            }
        }

        string? title = null;
        string? strand = null;
        foreach (var row in sheet.Rows.Take(headerIndex))
        {
            var text = row.Cells.FirstOrDefault(c => c.Length > 0) ?? "";
            var strandLine = StrandLine().Match(text);
            if (strandLine.Success)
            {
                strand = strandLine.Groups["name"].Value.Trim();
            }
            else if (title is null && text.Length > 0)
            {
                title = text.Trim();
            }
        }

        if (title is null && !columns.ContainsKey(Column.Plan))
        {
            title = sheet.Name.Trim();
            report.Add(sheet.File, sheet.Name, header.Number, null, ImportNoteKind.Guessed, $"no plan title above the header; the sheet name '{sheet.Name}' is used");
        }
        else if (title is not null && !NamesAgree(sheet.Name, title) && !string.Equals(Path.GetFileNameWithoutExtension(sheet.File), sheet.Name, StringComparison.Ordinal))
        {
            report.Add(sheet.File, sheet.Name, null, null, ImportNoteKind.Flagged,
                $"the sheet is named '{sheet.Name}' but the plan on it is titled '{title}'; the title is used");
        }

        foreach (var row in sheet.Rows.Take(headerIndex))
        {
            RefuseMarking(sheet, row, row.Cells.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Length > 0).i, null);
        }

        var plans = new Dictionary<string, RawPlan>(StringComparer.Ordinal);
        var stage = (FourPStage?)null;
        RawTask? last = null;
        foreach (var row in sheet.Rows.Skip(headerIndex + 1))
        {
            foreach (var (column, index) in columns.Where(kv => kv.Key != Column.SensitiveNote).OrderBy(kv => kv.Value))
            {
                RefuseMarking(sheet, row, index, header[index]);
            }

            string Cell(Column column) => columns.TryGetValue(column, out var c) ? row[c].Trim() : "";
            var everything = string.Concat(row.Cells).Trim();
            if (everything.Length > 0 && everything.All(c => char.IsPunctuation(c) || char.IsWhiteSpace(c)))
            {
                report.Add(sheet.File, sheet.Name, row.Number, null, ImportNoteKind.Skipped, $"row holds only '{everything}'; not a task");
                continue;
            }

            var stageText = Cell(Column.Stage);
            if (stageText.Length > 0)
            {
                if (ParseStage(stageText) is { } s)
                {
                    if (stageText != s.ToString().ToUpperInvariant() && stageText != s.ToString())
                    {
                        report.Add(sheet.File, sheet.Name, row.Number, null, ImportNoteKind.Normalised, $"stage '{stageText}' read as {s.ToString().ToUpperInvariant()}");
                    }

                    stage = s;
                }
                else
                {
                    report.Add(sheet.File, sheet.Name, row.Number, null, ImportNoteKind.Flagged,
                        $"'{stageText}' in the Strand column is not Prevent, Pursue, Protect or Prepare; the stage above is kept");
                }
            }

            var task = Cell(Column.Task);
            var raw = new RawTask
            {
                File = sheet.File,
                Sheet = sheet.Name,
                Row = row.Number,
                LastRow = row.Number,
                PlanTitle = Cell(Column.Plan) is { Length: > 0 } p ? p : title ?? sheet.Name,
                StrandName = Cell(Column.Strand) is { Length: > 0 } st ? st : strand,
                Stage = stage ?? FourPStage.Prevent,
                Text = task,
                How = Cell(Column.How),
                Who = Cell(Column.Who),
                When = Cell(Column.When),
                NumberText = Cell(Column.Number),
                Status = Cell(Column.Status),
                Risk = Cell(Column.Risk),
                Mitigation = Cell(Column.Mitigation),
                Commitments = Cell(Column.Commitments),
                Quarter = Cell(Column.Quarter),
                Achieved = Cell(Column.Achieved),
                Scheduled = Cell(Column.Scheduled),
                SensitiveNote = columns.ContainsKey(Column.SensitiveNote) ? Cell(Column.SensitiveNote) : null,
            };

            foreach (var merged in row.FilledFromMerge)
            {
                var name = columns.FirstOrDefault(kv => kv.Value == merged).Key;
                if (columns.ContainsValue(merged) && name != Column.Stage)
                {
                    report.Add(sheet.File, sheet.Name, row.Number, null, ImportNoteKind.Normalised, $"{name} taken from the merged cell above");
                }
            }

            if (task.Length == 0 && !raw.HasDetail && raw.Status.Length == 0 && string.IsNullOrEmpty(raw.SensitiveNote))
            {
                if (everything.Length > 0 && stageText.Length == 0)
                {
                    report.Add(sheet.File, sheet.Name, row.Number, null, ImportNoteKind.Skipped, $"row holds '{Abbreviate(everything)}' outside the task columns; not read");
                }

                continue;
            }

            if (stage is null && stageText.Length == 0)
            {
                report.Add(sheet.File, sheet.Name, row.Number, null, ImportNoteKind.Guessed, "no stage written above this row; PREVENT assumed");
                stage = FourPStage.Prevent;
            }

            if (task.Length == 0)
            {
                if (last is null || last.PlanTitle != raw.PlanTitle)
                {
                    report.Add(sheet.File, sheet.Name, row.Number, null, ImportNoteKind.Skipped, "row has no task text and no task above it to belong to; not read");
                    continue;
                }

                if (!last.HasDetail)
                {
                    report.Add(sheet.File, sheet.Name, row.Number, last.Label, ImportNoteKind.Normalised,
                        $"task split over rows {last.Row} and {row.Number}; joined");
                }
                else
                {
                    report.Add(sheet.File, sheet.Name, row.Number, last.Label, ImportNoteKind.Normalised,
                        $"row continues the task on row {last.Row}; its text is added to that task");
                }

                Join(last, raw);
                continue;
            }

            if (!plans.TryGetValue(raw.PlanTitle, out var plan))
            {
                plans[raw.PlanTitle] = plan = new RawPlan { File = sheet.File, Sheet = sheet.Name, Title = raw.PlanTitle, StrandName = raw.StrandName };
            }

            plan.Tasks.Add(raw);
            last = raw;
        }

        if (plans.Count == 0)
        {
            report.Add(sheet.File, sheet.Name, null, null, ImportNoteKind.Skipped, $"plan '{title}' has a header but no tasks");
        }

        return plans.Values.ToList();
    }

    private static void Join(RawTask into, RawTask from)
    {
        into.How = Append(into.How, from.How);
        into.Who = into.Who.Length > 0 ? into.Who : from.Who;
        into.When = into.When.Length > 0 ? into.When : from.When;
        into.NumberText = into.NumberText.Length > 0 ? into.NumberText : from.NumberText;
        into.Status = into.Status.Length > 0 ? into.Status : from.Status;
        into.Risk = Append(into.Risk, from.Risk);
        into.Mitigation = Append(into.Mitigation, from.Mitigation);
        into.Achieved = Append(into.Achieved, from.Achieved);
        into.Scheduled = Append(into.Scheduled, from.Scheduled);
        into.Commitments = Append(into.Commitments, from.Commitments);
        into.SensitiveNote = into.SensitiveNote is null ? from.SensitiveNote : Append(into.SensitiveNote, from.SensitiveNote ?? "");
        into.LastRow = from.Row;
    }

    /// <summary>
    /// Fails the import when the OFFICIAL cell at <paramref name="column"/> of <paramref name="row"/> carries a protective
    /// marking, naming where it is and what to do: classification is the sensitive-notes column, never text in a cell.
    /// </summary>
    private static void RefuseMarking(SheetGrid sheet, GridRow row, int column, string? header)
    {
        if (MarkingInText.Find(row[column]) is { } found)
        {
            var where = string.Create(CultureInfo.InvariantCulture,
                $"{sheet.File}, sheet '{sheet.Name}', row {row.Number}, column {XlsxWriter.ColumnName(column)}{(string.IsNullOrWhiteSpace(header) ? "" : $" ({header.Trim()})")}");
            throw new DeliveryImportException(
                MarkingInText.Describe(found, where)
                + " In a workbook the OFFICIAL-SENSITIVE part of a task is a column headed 'Sensitive notes'. Nothing was imported.");
        }
    }

    private static string Append(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : a + "\n" + b;

    private static RawLeads ParseLeads(SheetGrid sheet, ImportReport report)
    {
        var titleCell = sheet.Rows.SelectMany(r => r.Cells).FirstOrDefault(c => c.Contains("Strand Leads", StringComparison.OrdinalIgnoreCase)) ?? "";
        var hint = LeadsTitle().Match(titleCell) is { Success: true } m && m.Groups["strand"].Value.Trim().Length > 0 ? m.Groups["strand"].Value.Trim() : null;
        var leads = new RawLeads { File = sheet.File, Sheet = sheet.Name, StrandHint = hint };
        int? areaColumn = null, tacticalColumn = null, operationalColumn = null;
        foreach (var row in sheet.Rows)
        {
            foreach (var cell in row.Cells)
            {
                var strategic = StrategicLead().Match(cell);
                if (strategic.Success)
                {
                    leads.Strategic = strategic.Groups["name"].Value.Trim();
                }
            }

            var first = row.Cells.FirstOrDefault(c => c.Length > 0) ?? "";
            if (Key(first) == "timeline")
            {
                break;
            }

            var area = row.Cells.Select((c, i) => (c, i)).FirstOrDefault(x => Key(x.c) == "area");
            if (area.c is not null)
            {
                areaColumn = area.i;
                tacticalColumn = row.Cells.Select((c, i) => (c, i)).FirstOrDefault(x => Key(x.c) == "tacticallead").c is not null
                    ? row.Cells.Select((c, i) => (c, i)).First(x => Key(x.c) == "tacticallead").i : null;
                operationalColumn = row.Cells.Select((c, i) => (c, i)).FirstOrDefault(x => Key(x.c) == "operationallead").c is not null
                    ? row.Cells.Select((c, i) => (c, i)).First(x => Key(x.c) == "operationallead").i : null;
                continue;
            }

            if (areaColumn is { } ac && row[ac].Length > 0)
            {
                var tactical = tacticalColumn is { } tc ? row[tc] : "";
                var operational = operationalColumn is { } oc ? row[oc] : "";
                leads.Areas.Add((row.Number, row[ac], tactical, operational));
                if (tactical.Length == 0 && operational.Length == 0)
                {
                    report.Add(sheet.File, sheet.Name, row.Number, null, ImportNoteKind.Flagged, $"no tactical or operational lead given for '{row[ac]}'");
                }
            }
        }

        if (leads.Strategic is null && leads.Areas.Count == 0)
        {
            report.Add(sheet.File, sheet.Name, null, null, ImportNoteKind.Flagged, "strand leads sheet names no leads");
        }

        return leads;
    }

    public static FourPStage? ParseStage(string text) => Key(text) switch
    {
        "prevent" => FourPStage.Prevent,
        "pursue" => FourPStage.Pursue,
        "protect" => FourPStage.Protect,
        "prepare" => FourPStage.Prepare,
        _ => null,
    };

    /// <summary>Lower-case letters and digits only.</summary>
    public static string Key(string text) => new(text.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());

    /// <summary>Whether a sheet name and a plan title plausibly name the same thing (a shared word, or initials: "NTE").</summary>
    public static bool NamesAgree(string sheet, string title)
    {
        var a = Words(sheet);
        var b = Words(title);
        if (a.Overlaps(b))
        {
            return true;
        }

        var initials = new string(Words(title, keepCommon: true).Select(w => w[0]).ToArray());
        return a.Any(w => w.Length >= 2 && initials.Contains(w, StringComparison.Ordinal));
    }

    private static HashSet<string> Words(string text, bool keepCommon = false)
    {
        string[] common = ["plan", "4p", "4ps", "and", "the", "of", "crime", "strand", "delivery", "crimes"];
        return Regex.Split(text.ToLowerInvariant().Replace("&", " ", StringComparison.Ordinal), @"[^a-z0-9]+")
            .Where(w => w.Length > 1 && (keepCommon ? w is not ("4p" or "plan" or "and") : !common.Contains(w)))
            .ToHashSet();
    }

    public static string Abbreviate(string text) => text.Length <= 60 ? text : text[..57] + "…";

    /// <summary>A task number as written: "7", "7.0", "(7)", "Task 7".</summary>
    public static int? ParseNumber(string text)
    {
        var match = NumberText().Match(text.Trim());
        return match.Success && int.TryParse(match.Groups["n"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    [GeneratedRegex(@"^(?:thematic\s+)?strand\s*:\s*(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex StrandLine();

    [GeneratedRegex(@"^(?<strand>.*?)\s*-?\s*Strand Leads", RegexOptions.IgnoreCase)]
    private static partial Regex LeadsTitle();

    [GeneratedRegex(@"Strategic Lead\s*:\s*(?<name>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex StrategicLead();

    [GeneratedRegex(@"^(?:(?:task|action)\s*(?:no\.?)?\s*)?\(?(?<n>\d+)\)?(?:\.0+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NumberText();
}
