using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Plans;

/// <summary>Finds plans in the store, loaded with their priorities, commitments, sub-points and units.</summary>
public static class PlanLoader
{
    /// <summary>The plan titled <paramref name="title"/>, or the only/current plan when no title is given (<see cref="PlanChoice.ByTitleAsync"/>).</summary>
    /// <exception cref="DomainException">No such plan; or no title given and the store holds none.</exception>
    public static async Task<Plan> LoadAsync(ScrutineerDb db, string? title, CancellationToken cancellationToken = default)
    {
        var chosen = await StoreReader.ReadAsync(db, reader => PlanChoice.ByTitleAsync(reader, title, cancellationToken), cancellationToken);
        return await ByIdAsync(db, chosen.Id, cancellationToken);
    }

    /// <summary>The plan that covers <paramref name="period"/> (<see cref="PlanChoice.CoveringAsync"/>).</summary>
    /// <exception cref="DomainException">No plan covers the period.</exception>
    public static async Task<Plan> CoveringAsync(ScrutineerDb db, FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        var chosen = await StoreReader.ReadAsync(db, reader => PlanChoice.CoveringAsync(reader, period, cancellationToken), cancellationToken);
        return await ByIdAsync(db, chosen.Id, cancellationToken);
    }

    /// <summary>The plan with store identity <paramref name="id"/>, loaded whole.</summary>
    public static Task<Plan> ByIdAsync(ScrutineerDb db, int id, CancellationToken cancellationToken = default) =>
        Query(db).SingleAsync(p => p.Id == id, cancellationToken);

    /// <summary>
    /// The plan with store identity <paramref name="id"/> as a report prints it, read over the store's connection (no
    /// EF): its title, years and document details, its priorities and commitments by number, each commitment's
    /// sub-points and responsible units in order. It is rebuilt through the plan's own constructors, so it carries no
    /// store identities, no extension and no carried-forward links: for reading only, never to be changed or saved.
    /// </summary>
    public static async Task<Plan> ReadAsync(StoreReader reader, int id, CancellationToken cancellationToken = default)
    {
        var plan = (await reader.ListAsync(
            """
            SELECT "Title", "FirstYear", "LastYear", "DocumentVersion", "AuthorUnit", "Author", "DocumentOwner", "Classification"
            FROM "Plans" WHERE "Id" = @plan
            """,
            r =>
            {
                var read = new Plan(r.GetString(0), new FinancialYear(r.GetInt32(1)), new FinancialYear(r.GetInt32(2)));
                read.SetMetadata(new DocumentMetadata(r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), Enum.Parse<Classification>(r.GetString(7))));
                return read;
            },
            cancellationToken,
            ("plan", id))).Single();
        var priorities = new Dictionary<int, Priority>();
        foreach (var (priorityId, number, title, objective) in await reader.ListAsync(
            """SELECT "Id", "Number", "Title", "Objective" FROM "Priorities" WHERE "PlanId" = @plan ORDER BY "Number" """,
            r => (r.GetInt32(0), r.GetInt32(1), r.GetString(2), r.GetString(3)), cancellationToken, ("plan", id)))
        {
            priorities.Add(priorityId, plan.AddPriority(title, objective, number));
        }

        var subPoints = (await reader.ListAsync(
            """
            SELECT s."CommitmentId", s."Text" FROM "CommitmentSubPoints" s
            JOIN "Commitments" c ON c."Id" = s."CommitmentId" JOIN "Priorities" p ON p."Id" = c."PriorityId"
            WHERE p."PlanId" = @plan ORDER BY s."CommitmentId", s."Position"
            """,
            r => (Commitment: r.GetInt32(0), Text: r.GetString(1)), cancellationToken, ("plan", id))).ToLookup(s => s.Commitment, s => s.Text);
        var units = new Dictionary<int, Unit>();
        var responsible = (await reader.ListAsync(
            """
            SELECT r."CommitmentId", u."Id", u."Name", u."ShortName", u."Kind" FROM "Responsibilities" r
            JOIN "Units" u ON u."Id" = r."UnitId" JOIN "Commitments" c ON c."Id" = r."CommitmentId" JOIN "Priorities" p ON p."Id" = c."PriorityId"
            WHERE p."PlanId" = @plan ORDER BY r."CommitmentId", r."Position"
            """,
            r => (Commitment: r.GetInt32(0), Unit: units.TryGetValue(r.GetInt32(1), out var unit) ? unit
                : units[r.GetInt32(1)] = new Unit(r.GetString(2), r.GetString(3), Enum.Parse<UnitKind>(r.GetString(4)))),
            cancellationToken, ("plan", id))).ToLookup(r => r.Commitment, r => r.Unit);
        foreach (var (commitmentId, priorityId, number, text) in await reader.ListAsync(
            """
            SELECT c."Id", c."PriorityId", c."Number", c."Text" FROM "Commitments" c JOIN "Priorities" p ON p."Id" = c."PriorityId"
            WHERE p."PlanId" = @plan ORDER BY c."Number"
            """,
            r => (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3)), cancellationToken, ("plan", id)))
        {
            priorities[priorityId].AddCommitment(text, responsible[commitmentId], subPoints[commitmentId], number);
        }

        return plan;
    }

    private static IQueryable<Plan> Query(ScrutineerDb db) => db.Plans
        .Include("Priorities.Commitments.responsibilities.Unit")
        .Include(p => p.Priorities).ThenInclude(p => p.Commitments).ThenInclude(c => c.CarriesForward).ThenInclude(c => c!.Priority).ThenInclude(p => p.Plan)
        .AsSplitQuery();
}
