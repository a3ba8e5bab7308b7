using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Api;

/// <summary>
/// The read-only JSON API under /api for integrations such as Power BI. Every route needs a signed-in session
/// (401 otherwise) and applies the same record rules as the pages (<see cref="NeedToKnow"/>).
/// </summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapScrutineerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.SignedIn).WithTags("Scrutineer");

        api.MapGet("/plans", async (ScrutineerDb db, CancellationToken ct) =>
            (await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Title, p.FirstYear, p.LastYear, Classification = p.Metadata.Classification }).ToListAsync(ct))
                .Select(p => new PlanDto(p.Id, p.Title, p.FirstYear.ToString(), p.LastYear.ToString(), p.Classification.ToString())))
            .WithName("ListPlans").WithSummary("Every plan");

        api.MapGet("/plans/{planId:int}/commitments", async (int planId, ScrutineerDb db, CancellationToken ct) =>
            (await db.Commitments.AsNoTracking().Include(c => c.Priority).Include("responsibilities.Unit").Where(c => c.Priority.PlanId == planId).ToListAsync(ct))
                .OrderBy(c => c.Priority.Number).ThenBy(c => c.Number)
                .Select(c => new CommitmentDto(c.Id, c.Reference, c.Priority.Number, c.Priority.Title, c.Text, c.SubPoints, c.Units.Select(u => u.ShortName).ToList())))
            .WithName("ListCommitments").WithSummary("A plan's commitments with their responsible units");

        api.MapGet("/rounds", async (ScrutineerDb db, CancellationToken ct) =>
            (await db.Rounds.AsNoTracking().ToListAsync(ct))
                .OrderByDescending(r => r.Period)
                .Select(r => new RoundDto(r.Id, r.PlanId, r.Period.ToString(), r.Period.Code, r.Deadline, r.State.ToString())))
            .WithName("ListRounds").WithSummary("Every reporting round");

        api.MapGet("/updates", async (int? roundId, int? commitmentId, HttpContext http, ScrutineerDb db, CancellationToken ct) =>
        {
            var me = CurrentUser.From(http.User)!;
            var query = db.Updates.AsNoTracking();
            if (roundId is { } r)
            {
                query = query.Where(u => u.RoundId == r);
            }

            if (commitmentId is { } c)
            {
                query = query.Where(u => u.CommitmentId == c);
            }

            var rows = await query.Select(u => new
            {
                u.Id, u.RoundId, Period = u.Round.Period, RoundState = u.Round.State, u.CommitmentId, u.Commitment.PriorityId,
                PriorityNumber = u.Commitment.Priority.Number, CommitmentNumber = u.Commitment.Number, u.UnitId, Unit = u.Unit.ShortName,
                u.State, u.Status, u.CommentaryText, u.SensitiveCommentaryText, u.Author, u.UpdatedAt, u.Reviewer, u.ReviewedAt,
            }).ToListAsync(ct);
            var list = rows.Where(u => NeedToKnow.CanReadUpdate(me.Reader, u.UnitId, u.PriorityId, u.State))
                .OrderBy(u => u.Period).ThenBy(u => u.PriorityNumber).ThenBy(u => u.CommitmentNumber).ThenBy(u => u.Unit, StringComparer.Ordinal)
                .Select(u =>
                {
                    var sensitive = NeedToKnow.CanReadSensitive(me.Reader, u.UnitId, u.PriorityId, u.State) && u.SensitiveCommentaryText.Length > 0
                        ? u.SensitiveCommentaryText
                        : null;
                    return new UpdateDto(u.Id, u.RoundId, u.Period.ToString(), u.CommitmentId, $"{u.PriorityNumber}.{u.CommitmentNumber}", u.Unit,
                        u.State.ToString(), u.Status?.ToString(), (sensitive is null ? Classification.Official : Classification.OfficialSensitive).Marking(),
                        u.CommentaryText, sensitive, u.Author, u.UpdatedAt, u.Reviewer, u.ReviewedAt);
                })
                .ToList();
            if (list.Any(u => u.SensitiveCommentary is not null))
            {
                PageClassification.Raise(http, Classification.OfficialSensitive);
            }

            http.Response.Headers[PageClassification.Header] = PageClassification.Of(http).Marking();
            return list;
        }).WithName("ListUpdates").WithSummary("Quarterly updates the caller may read, optionally for one round or commitment; OFFICIAL-SENSITIVE parts only where the caller may read them");

        PerformanceApi.Map(api);
        return app;
    }

    public sealed record PlanDto(int Id, string Title, string FirstYear, string LastYear, string Classification);

    public sealed record CommitmentDto(int Id, string Reference, int PriorityNumber, string Priority, string Text, IReadOnlyList<string> SubPoints, IReadOnlyList<string> Units);

    public sealed record RoundDto(int Id, int PlanId, string Period, string Code, DateOnly Deadline, string State);

    public sealed record UpdateDto(int Id, int RoundId, string Period, int CommitmentId, string Reference, string Unit, string State, string? Status,
        string Classification, string Commentary, string? SensitiveCommentary, string Author, DateTimeOffset UpdatedAt, string? Reviewer, DateTimeOffset? ReviewedAt);
}
