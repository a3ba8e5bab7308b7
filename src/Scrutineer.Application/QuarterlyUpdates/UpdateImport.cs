using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>
/// Writes a round's updates from a CSV file or an Excel workbook (its first sheet) with the header
/// <c>commitment,unit,status,commentary,sensitive_commentary</c>: one row per commitment and unit; the commitment by
/// reference ("3.2"), the unit by short or full name, the status in words ("on track", "at risk", "not started",
/// "complete"), the commentary's OFFICIAL part, and its OFFICIAL-SENSITIVE part (an optional column: when it is absent,
/// a sensitive part already written is kept). All or nothing: every row is checked against the round's rules first,
/// each problem is reported with the file name and line, and nothing is written unless every row is good. The import
/// is recorded as an import run (<see cref="ImportRunKind.QuarterlyUpdates"/>) in the same transaction as the updates.
/// </summary>
public static class UpdateImport
{
    /// <summary>The largest file read: far above any round's updates (a few hundred rows of text).</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>The most rows read, above the largest plan's commitment × unit pairs.</summary>
    public const int MaxRows = 5000;

    private static readonly string[] Columns = ["commitment", "unit", "status", "commentary", "sensitive_commentary"];

    /// <summary>
    /// Imports <paramref name="path"/> into the open round for <paramref name="period"/> as <paramref name="actor"/>
    /// (the updates' author), submitting each update too when <paramref name="submit"/>. Returns the updates written,
    /// in file order. On failure nothing is written and <paramref name="db"/>'s tracked changes are discarded.
    /// <paramref name="submitted"/> is called for each update submitted (its commitment and unit loaded) before the save,
    /// to add what it causes to the same save: the command line adds the reviewers' notices
    /// (<c>Notifications.HandOffNotices.SubmittedAsync</c>), as a submission on the web does.
    /// </summary>
    /// <exception cref="DomainException">
    /// The file cannot be read, is too large, or has the wrong header; the round is not open; or rows break a rule (the
    /// message has a line for each, with the file name and line number, and ends saying that nothing was written).
    /// </exception>
    public static async Task<IReadOnlyList<QuarterlyUpdate>> RunAsync(
        ScrutineerDb db, string path, FinancialQuarter period, bool submit, string actor, DateTimeOffset now, string? planTitle = null, Func<QuarterlyUpdate, Task>? submitted = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var name = Path.GetFileName(path);
        var grid = Read(path);
        var files = ImportedFile.Describe([path], cancellationToken);
        var round = await ReportingRounds.FindAsync(db, period, planTitle, cancellationToken);
        if (!round.IsOpen)
        {
            throw new DomainException($"{name}: the {round.Period} round is {round.State.ToString().ToLowerInvariant()}, so it cannot take updates. "
                + (round.State == RoundState.Closed ? $"Reopen it first ('scrutineer round reopen --period {round.Period.Code}'), then import again. Nothing was written." : "Nothing was written."));
        }

        if (grid.Rows.Count > MaxRows + 1)
        {
            throw new DomainException($"{name}: more than {MaxRows:N0} rows; a round has far fewer updates. Check it is the right file, or split it. Nothing was written.");
        }

        var line = grid.File.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "line" : "row";
        var header = grid.Rows.FirstOrDefault(r => !r.IsBlank)
            ?? throw new DomainException($"{name}: the file is empty. Expected a header row '{string.Join(',', Columns)}' and one row per update.");
        var at = Header(name, line, header);
        var plan = await PlanLoader.LoadAsync(db, await db.Plans.Where(p => p.Id == round.PlanId).Select(p => p.Title).SingleAsync(cancellationToken), cancellationToken);
        var commitments = plan.Commitments.ToDictionary(c => c.Reference, StringComparer.Ordinal);
        var units = await db.Units.ToListAsync(cancellationToken);
        var existing = await db.Updates.Where(u => u.RoundId == round.Id).ToListAsync(cancellationToken);

        var problems = new List<string>();
        var written = new List<QuarterlyUpdate>();
        var added = 0;
        var rows = 0;
        var seen = new Dictionary<(int Commitment, int Unit), int>();
        foreach (var row in grid.Rows.Where(r => r.Number > header.Number && !r.IsBlank))
        {
            rows++;
            var where = $"{name}, {line} {row.Number.ToString(CultureInfo.InvariantCulture)}";
            var reference = row[at["commitment"]].Trim();
            var unitName = row[at["unit"]].Trim();
            var rowProblems = new List<string>();
            if (!commitments.TryGetValue(reference, out var commitment))
            {
                rowProblems.Add(reference.Length == 0
                    ? "the commitment is blank: give its reference, such as 3.2 (priority 3, commitment 2)."
                    : $"no commitment '{reference}' in '{plan.Title}': give a reference such as 3.2 (priority 3, commitment 2), from {plan.Commitments.First().Reference} to {plan.Commitments.Last().Reference}.");
            }

            var unit = units.FirstOrDefault(u => string.Equals(u.ShortName, unitName, StringComparison.OrdinalIgnoreCase))
                ?? units.FirstOrDefault(u => string.Equals(u.Name, unitName, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(u.DisplayName, unitName, StringComparison.OrdinalIgnoreCase));
            if (unit is null)
            {
                rowProblems.Add(unitName.Length == 0
                    ? "the unit is blank: give its short name (such as SCD) or its full name."
                    : $"no unit called '{unitName}': give its short name (such as SCD) or its full name, as 'scrutineer round status' lists them.");
            }
            else if (commitment is not null && !commitment.Units.Contains(unit))
            {
                rowProblems.Add($"{unit.ShortName} is not responsible for commitment {commitment.Reference} (responsible: {string.Join(", ", commitment.Units.Select(u => u.ShortName))}): "
                    + "correct the unit or the commitment, or change who is responsible in the plan.");
            }

            var status = ParseStatus(row[at["status"]]);
            if (status is null)
            {
                rowProblems.Add($"the status '{row[at["status"]].Trim()}' is not one of: on track, at risk, not started, complete.");
            }

            var official = row[at["commentary"]];
            if (MarkingInText.Find(official) is { } marking)
            {
                rowProblems.Add($"the commentary column contains the marking \"{marking.Text}\". OFFICIAL text cannot carry a marking: "
                    + "move that text into the sensitive_commentary column and delete the marking.");
            }

            if (commitment is not null && unit is not null)
            {
                if (seen.TryGetValue((commitment.Id, unit.Id), out var first))
                {
                    rowProblems.Add($"commitment {commitment.Reference} for {unit.ShortName} is on {line} {first.ToString(CultureInfo.InvariantCulture)} already: keep one row per commitment and unit.");
                }
                else
                {
                    seen[(commitment.Id, unit.Id)] = row.Number;
                }
            }

            if (rowProblems.Count > 0)
            {
                problems.AddRange(rowProblems.Select(p => $"{where}: {p}"));
                continue;
            }

            try
            {
                var update = existing.FirstOrDefault(u => u.CommitmentId == commitment!.Id && u.UnitId == unit!.Id);
                if (update is null)
                {
                    update = new QuarterlyUpdate(round, commitment!, unit!, actor, now);
                    db.Updates.Add(update);
                    existing.Add(update);
                    added++;
                }

                var sensitive = at.TryGetValue("sensitive_commentary", out var column) ? Commentary.Parse(row[column]) : update.SensitiveCommentary;
                update.Edit(round, Commentary.Parse(official), status!.Value, actor, now, sensitive);
                if (submit)
                {
                    update.Submit(round, actor, now);
                }

                written.Add(update);
            }
            catch (DomainException ex)
            {
                problems.Add($"{where}: {ex.Message}");
            }
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw new DomainException(string.Join('\n', problems)
                + string.Create(CultureInfo.InvariantCulture, $"\n{problems.Count} problem{(problems.Count == 1 ? "" : "s")} in {name}. Nothing was written: correct the file and import it again."));
        }

        if (written.Count == 0)
        {
            throw new DomainException($"{name}: no rows under the header. Add one row per update; nothing was written.");
        }

        if (submit && submitted is not null)
        {
            // Each submitted update is handed on (its reviewers' notices) before the one save, so they go in it or not at all.
            foreach (var update in written)
            {
                await db.Entry(update).Reference(u => u.Commitment).LoadAsync(cancellationToken);
                await db.Entry(update).Reference(u => u.Unit).LoadAsync(cancellationToken);
                await submitted(update);
            }
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        var count = written.Count.ToString("N0", EnGb.Culture);
        await ImportRuns.RecordAsync(db, ImportRunKind.QuarterlyUpdates, now, files, rows,
            $"{count} update{(written.Count == 1 ? "" : "s")} in the {round.Period} round ({added.ToString("N0", EnGb.Culture)} new, "
            + $"{(written.Count - added).ToString("N0", EnGb.Culture)} changed){(submit ? ", each submitted for review" : "")}.", cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>A status in the force's words, as the command line and the web pages take it: any case, spaces, hyphens or underscores.</summary>
    private static DeliveryStatus? ParseStatus(string text)
    {
        var normalised = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return normalised.Length > 0 && !char.IsDigit(normalised[0]) && Enum.TryParse<DeliveryStatus>(normalised, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : null;
    }

    private static SheetGrid Read(string path)
    {
        var name = Path.GetFileName(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new DomainException($"{name}: no such file ({Path.GetFullPath(path)}).");
        }

        if (file.Length > MaxFileBytes)
        {
            throw new DomainException($"{name}: the file is {file.Length / (1024 * 1024):N0} MB, more than the {MaxFileBytes / (1024 * 1024):N0} MB allowed; a round's updates are far smaller. Check it is the right file.");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            throw new DomainException($"{name}: '{extension}' files are not read; expected a CSV file (.csv) or an Excel workbook (.xlsx).");
        }

        var sheets = WorkbookReader.Read(path);
        return sheets.Count > 0 ? sheets[0] : throw new DomainException($"{name}: the workbook has no sheet to read.");
    }

    private static Dictionary<string, int> Header(string name, string line, GridRow header)
    {
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var column = header.Cells[i].Trim().ToLowerInvariant().Replace(' ', '_');
            if (column.Length == 0)
            {
                continue;
            }

            if (!Columns.Contains(column))
            {
                throw new DomainException($"{name}, {line} {header.Number}: unknown column '{header.Cells[i].Trim()}'. Expected the columns {string.Join(", ", Columns)} "
                    + "(the last is optional). Rename or remove the column; nothing was written.");
            }

            if (!at.TryAdd(column, i))
            {
                throw new DomainException($"{name}, {line} {header.Number}: the column '{column}' appears twice. Keep one; nothing was written.");
            }
        }

        var missing = Columns[..4].Where(c => !at.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException($"{name}, {line} {header.Number}: the header has no {string.Join(", ", missing)} column{(missing.Count == 1 ? "" : "s")}. "
                + $"Expected the columns {string.Join(", ", Columns)} (the last is optional); nothing was written.");
        }

        return at;
    }
}
