using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Plans;

/// <summary>
/// Writes a <see cref="PlanFile"/> into the store in one transaction: units are created or updated by short name,
/// the plan is created with its priorities and commitments. A plan whose title is already in the store is refused,
/// unless <c>replace</c> is given and no reporting round has been opened on it. Any problem rolls everything back.
/// The import is recorded as an import run (<see cref="ImportRunKind.Plan"/>) in the same transaction.
/// </summary>
public static class PlanImporter
{
    /// <param name="db">The store.</param>
    /// <param name="file">The plan file as read.</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="replace">Replace a plan of the same title that has no reporting rounds.</param>
    /// <param name="read">The file as the import run records it (name, size, SHA-256); by name only when not given.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="PlanFileException">The file names something the store cannot accept; nothing was written.</exception>
    public static async Task<PlanImportResult> ImportAsync(ScrutineerDb db, PlanFile file, string fileName, bool replace = false, ImportedFile? read = null,
        CancellationToken cancellationToken = default)
    {
        var started = AuditContext.Clock.GetUtcNow();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var errors = new List<PlanFileError>();
        try
        {
            var existing = await db.Plans.SingleOrDefaultAsync(p => p.Title == file.Title, cancellationToken);
            if (existing is not null)
            {
                if (!replace)
                {
                    throw new PlanFileException([new PlanFileError(fileName, 0, "plan.title", $"a plan titled '{file.Title}' is already in the store (import with --replace to replace it).")]);
                }

                if (await db.Rounds.AnyAsync(r => r.PlanId == existing.Id, cancellationToken))
                {
                    throw new PlanFileException([new PlanFileError(fileName, 0, "plan.title", $"'{file.Title}' has reporting rounds, so it cannot be replaced; change it in the application instead.")]);
                }

                db.Plans.Remove(existing);
                await db.SaveChangesAsync(cancellationToken);
            }

            var (units, created, updated) = await UpsertUnitsAsync(db, file, cancellationToken);
            var plan = new Plan(file.Title, file.FirstYear, file.LastYear);
            if (file.ExtendedTo is { } extendedTo)
            {
                plan.ExtendTo(extendedTo, file.ExtensionReason ?? "");
            }

            plan.SetMetadata(file.Document);
            var commitments = 0;
            var storeMeasures = await Performance.MeasureLinks.StoreNamesAsync(db, cancellationToken);
            var linked = new List<(object Owner, IReadOnlyList<PlanFile.MeasureEntry> Measures)>();
            void Check(IReadOnlyList<PlanFile.MeasureEntry>? measures, string field)
            {
                for (var m = 0; m < (measures?.Count ?? 0); m++)
                {
                    if (Performance.MeasureLinks.Problem(measures![m].Name, storeMeasures) is { } problem)
                    {
                        errors.Add(new PlanFileError(fileName, measures[m].Line, $"{field}.measures[{m}]", problem));
                    }
                }
            }

            for (var p = 0; p < file.Priorities.Count; p++)
            {
                var entry = file.Priorities[p];
                var priority = Attempt(errors, fileName, entry.Line, $"priorities[{p}]", () => plan.AddPriority(entry.Title, entry.Objective, entry.Number));
                if (priority is null)
                {
                    continue;
                }

                Check(entry.Measures, $"priorities[{p}]");
                linked.Add((priority, entry.Measures ?? []));

                for (var c = 0; c < entry.Commitments.Count; c++)
                {
                    var ce = entry.Commitments[c];
                    var field = $"priorities[{p}].commitments[{c}]";
                    var commitment = Attempt(errors, fileName, ce.Line, field,
                        () => priority.AddCommitment(ce.WeWill, ce.Who.Select(w => units[w]), ce.SubPoints));
                    if (commitment is null)
                    {
                        continue;
                    }

                    commitments++;
                    Check(ce.Measures, field);
                    linked.Add((commitment, ce.Measures ?? []));
                    if (ce.CarriesForward is { } cf)
                    {
                        var earlier = await FindCommitmentAsync(db, cf, cancellationToken);
                        if (earlier is null)
                        {
                            errors.Add(new PlanFileError(fileName, ce.Line, field + ".carries_forward",
                                $"no commitment {cf.Commitment} in a plan titled '{cf.Plan}' is in the store (import the earlier plan first)."));
                        }
                        else
                        {
                            Attempt(errors, fileName, ce.Line, field + ".carries_forward", () => { commitment.CarryForwardFrom(earlier); return commitment; });
                        }
                    }
                }
            }

            if (errors.Count > 0)
            {
                throw new PlanFileException(errors);
            }

            db.Plans.Add(plan);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (StoreValueException ex)
            {
                throw new PlanFileException([new PlanFileError(fileName, 0, ex.Column, ex.Message)]);
            }

            foreach (var (owner, measures) in linked.Where(l => l.Measures.Count > 0))
            {
                var wanted = measures.Select(m => new Performance.LinkedMeasure(m.Name, m.Target, m.Better)).ToList();
                await (owner is Priority pr
                    ? Performance.MeasureLinks.SetForPriorityAsync(db, pr.Id, wanted, cancellationToken)
                    : Performance.MeasureLinks.SetForCommitmentAsync(db, ((Commitment)owner).Id, wanted, cancellationToken));
            }

            var entries = file.Units.Count + file.Priorities.Count + file.Priorities.Sum(p => p.Commitments.Count);
            await ImportRuns.RecordAsync(db, ImportRunKind.Plan, started, [read ?? new ImportedFile(fileName, 0, "")], entries,
                $"{(existing is null ? "Plan" : "Replaced plan")} '{plan.Title}': {Of(file.Priorities.Count, "priority", "priorities")}, {Of(commitments, "commitment", "commitments")}; "
                + $"units {created.ToString("N0", EnGb.Culture)} created, {updated.ToString("N0", EnGb.Culture)} updated.", cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return new PlanImportResult(plan.Title, created, updated, file.Priorities.Count, commitments);
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static string Of(int n, string one, string many) => $"{n.ToString("N0", EnGb.Culture)} {(n == 1 ? one : many)}";

    private static async Task<(Dictionary<string, Unit> Units, int Created, int Updated)> UpsertUnitsAsync(ScrutineerDb db, PlanFile file, CancellationToken cancellationToken)
    {
        var stored = await db.Units.ToListAsync(cancellationToken);
        var units = new Dictionary<string, Unit>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in stored)
        {
            units[unit.ShortName] = unit;
        }

        int created = 0, updated = 0;
        foreach (var entry in file.Units)
        {
            if (units.TryGetValue(entry.Short, out var unit))
            {
                if (unit.Name != entry.Name || unit.ShortName != entry.Short)
                {
                    unit.Rename(entry.Name, entry.Short);
                    updated++;
                }
            }
            else
            {
                unit = new Unit(entry.Name, entry.Short, entry.Kind);
                db.Units.Add(unit);
                units[entry.Short] = unit;
                created++;
            }
        }

        foreach (var entry in file.Units)
        {
            var parent = entry.Parent is null ? null : units[entry.Parent];
            if (units[entry.Short].Parent != parent)
            {
                units[entry.Short].MoveUnder(parent);
            }
        }

        return (units, created, updated);
    }

    private static async Task<Commitment?> FindCommitmentAsync(ScrutineerDb db, PlanFile.CarryForward reference, CancellationToken cancellationToken)
    {
        var parts = reference.Commitment.Split('.');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var priority) || !int.TryParse(parts[1], out var number))
        {
            return null;
        }

        return await db.Commitments
            .Include(c => c.Priority).ThenInclude(p => p.Plan)
            .SingleOrDefaultAsync(c => c.Priority.Plan.Title == reference.Plan && c.Priority.Number == priority && c.Number == number, cancellationToken);
    }

    private static T? Attempt<T>(List<PlanFileError> errors, string file, int line, string field, Func<T> action)
        where T : class
    {
        try
        {
            return action();
        }
        catch (DomainException ex)
        {
            errors.Add(new PlanFileError(file, line, field, ex.Message));
            return null;
        }
    }
}
