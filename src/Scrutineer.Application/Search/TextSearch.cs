using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Search;

/// <summary>
/// Search across commitments, quarterly updates and delivery tasks, for the web's search page and <c>scrutineer search</c>.
/// Every word given must appear (case does not matter). Only OFFICIAL text is searched — never an OFFICIAL-SENSITIVE
/// part, so a hit can never reveal one — and an update is found only when <see cref="NeedToKnow.CanReadUpdate"/> lets
/// the reader read it; commitments and delivery tasks are read by everyone signed in.
/// </summary>
// ToLower() inside the store queries below is translated to the store's lower() (SQL), not run with a .NET culture.
#pragma warning disable CA1304, CA1311
public static class TextSearch
{
    /// <summary>Hits shown on one page.</summary>
    public const int PageSize = 20;

    /// <summary>The most hits a search lists (more are counted as "more than").</summary>
    public const int MostHits = 500;

    /// <summary>The shortest and longest search, in characters.</summary>
    public const int ShortestQuery = 2, LongestQuery = 100;

    /// <summary>The most matching updates read from the store before the need-to-know rule filters them (the newest first).</summary>
    private const int MostUpdatesRead = 5_000;

    /// <summary>The most words a search may hold.</summary>
    public const int MostTerms = 8;

    /// <summary>Searches for <paramref name="query"/> as <paramref name="reader"/> and gives page <paramref name="page"/> (from 1; beyond the last gives the last).</summary>
    /// <exception cref="DomainException">A search that is empty, shorter than <see cref="ShortestQuery"/>, longer than <see cref="LongestQuery"/>, or of more than <see cref="MostTerms"/> words.</exception>
    public static async Task<SearchResults> FindAsync(ScrutineerDb db, Reader reader, string? query, int page = 1, CancellationToken cancellationToken = default)
    {
        var terms = Terms(query);
        var hits = new List<SearchHit>();
        await CommitmentsAsync(db, terms, hits, cancellationToken);
        await UpdatesAsync(db, reader, terms, hits, cancellationToken);
        await TasksAsync(db, terms, hits, cancellationToken);
        var capped = hits.Count > MostHits;
        if (capped)
        {
            hits.RemoveRange(MostHits, hits.Count - MostHits);
        }

        var pages = Math.Max(1, (hits.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        return new SearchResults(terms, hits.Count, page, pages, hits.Skip((page - 1) * PageSize).Take(PageSize).ToList(), capped);
    }

    /// <summary>The words of a search, lower-cased.</summary>
    /// <exception cref="DomainException">See <see cref="FindAsync"/>.</exception>
    public static IReadOnlyList<string> Terms(string? query)
    {
        var text = (query ?? "").Trim();
        if (text.Length == 0)
        {
            throw new DomainException("Enter what to search for");
        }

        if (text.Length < ShortestQuery)
        {
            throw new DomainException($"Search must be {ShortestQuery} characters or more");
        }

        if (text.Length > LongestQuery)
        {
            throw new DomainException($"Search must be {LongestQuery} characters or fewer");
        }

        var terms = text.ToLower(EnGb.Culture).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        return terms.Count > MostTerms ? throw new DomainException($"Search must be {MostTerms} words or fewer") : terms;
    }

    /// <summary>Up to about 200 characters of <paramref name="text"/> around the first of <paramref name="terms"/> found in it.</summary>
    public static string Snippet(string text, IReadOnlyList<string> terms)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var at = terms.Select(t => flat.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - 80);
        var end = Math.Min(flat.Length, at + 120);
        if (start > 0 && flat.LastIndexOf(' ', start) is var space and > 0 && start - space < 20)
        {
            start = space + 1;
        }

        return (start > 0 ? "…" : "") + flat[start..end] + (end < flat.Length ? "…" : "");
    }

    private static async Task CommitmentsAsync(ScrutineerDb db, IReadOnlyList<string> terms, List<SearchHit> hits, CancellationToken ct)
    {
        var query = db.Commitments.AsNoTracking();
        foreach (var term in terms)
        {
            query = query.Where(c => c.Text.ToLower().Contains(term));
        }

        var found = await query.OrderBy(c => c.Priority.Plan.Title).ThenBy(c => c.Priority.Number).ThenBy(c => c.Number)
            .Select(c => new { c.Id, Priority = c.Priority.Number, c.Number, c.Text, Plan = c.Priority.Plan.Title, PriorityTitle = c.Priority.Title })
            .Take(MostHits + 1).ToListAsync(ct);
        hits.AddRange(found.Select(c => new SearchHit(SearchHitKind.Commitment, c.Id, c.Id,
            string.Create(CultureInfo.InvariantCulture, $"Commitment {c.Priority}.{c.Number}"), $"{c.Plan} · priority {c.Priority.ToString(CultureInfo.InvariantCulture)}: {c.PriorityTitle}", Snippet(c.Text, terms))));
    }

    private static async Task UpdatesAsync(ScrutineerDb db, Reader reader, IReadOnlyList<string> terms, List<SearchHit> hits, CancellationToken ct)
    {
        var query = db.Updates.AsNoTracking();
        foreach (var term in terms)
        {
            query = query.Where(u => u.CommentaryText.ToLower().Contains(term));
        }

        var found = await query
            .Select(u => new
            {
                u.Id, u.CommitmentId, u.UnitId, u.Commitment.PriorityId, u.State, u.CommentaryText, Unit = u.Unit.ShortName,
                Priority = u.Commitment.Priority.Number, Number = u.Commitment.Number, u.Round.Period, Plan = u.Commitment.Priority.Plan.Title,
            })
            .OrderByDescending(u => u.Id)
            .Take(MostUpdatesRead)
            .ToListAsync(ct);
        hits.AddRange(found
            .Where(u => NeedToKnow.CanReadUpdate(reader, u.UnitId, u.PriorityId, u.State))
            .OrderByDescending(u => u.Period).ThenBy(u => u.Priority).ThenBy(u => u.Number).ThenBy(u => u.Unit, StringComparer.Ordinal)
            .Take(MostHits + 1)
            .Select(u => new SearchHit(SearchHitKind.Update, u.Id, u.CommitmentId,
                string.Create(CultureInfo.InvariantCulture, $"Update on {u.Priority}.{u.Number} from {u.Unit}, {u.Period}"), $"{u.Plan} · {State(u.State)}", Snippet(u.CommentaryText, terms))));
    }

    private static async Task TasksAsync(ScrutineerDb db, IReadOnlyList<string> terms, List<SearchHit> hits, CancellationToken ct)
    {
        var query = db.DeliveryTasks.AsNoTracking();
        foreach (var term in terms)
        {
            query = query.Where(t => (t.Text + " " + t.HowMeasured + " " + t.Owner + " " + (t.Risk ?? "") + " " + (t.Mitigation ?? "")).ToLower().Contains(term));
        }

        var found = await query.OrderBy(t => t.Plan.Strand.Position).ThenBy(t => t.Plan.Position).ThenBy(t => t.Stage).ThenBy(t => t.Number)
            .Select(t => new { t.Id, t.Stage, t.Number, t.Text, t.HowMeasured, t.Owner, t.Risk, t.Mitigation, Strand = t.Plan.Strand.Title, Plan = t.Plan.Title })
            .Take(MostHits + 1).ToListAsync(ct);
        hits.AddRange(found.Select(t => new SearchHit(SearchHitKind.DeliveryTask, t.Id, null,
            string.Create(CultureInfo.InvariantCulture, $"Task {t.Stage.ToString().ToUpperInvariant()} {t.Number}"), $"{t.Strand} · {t.Plan} · owner {t.Owner}",
            Snippet(string.Join(" · ", new[] { t.Text, t.HowMeasured, t.Owner, t.Risk, t.Mitigation }.Where(s => !string.IsNullOrWhiteSpace(s))), terms))));
    }

    private static string State(UpdateState state) => state switch
    {
        UpdateState.Draft => "draft",
        UpdateState.Submitted => "submitted, awaiting review",
        UpdateState.Approved => "approved",
        UpdateState.Returned => "returned to the unit",
    };
}
#pragma warning restore CA1304, CA1311
