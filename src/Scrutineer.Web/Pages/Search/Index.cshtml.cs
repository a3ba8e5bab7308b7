using Scrutineer.Application.Data;
using Scrutineer.Application.Search;
using Scrutineer.Domain.Common;

namespace Scrutineer.Web.Pages.Search;

/// <summary>Search across commitments, quarterly updates and delivery tasks, as the signed-in account may read them (<see cref="TextSearch"/>).</summary>
public sealed class IndexModel(ScrutineerDb db) : ScrutineerPageModel
{
    /// <summary>What was searched for; null before a search.</summary>
    public string? Q { get; private set; }

    public SearchResults? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Read from the query string: "page" is also Razor Pages' own route value (the page's name), and an empty q
        // (a search of nothing) must be told from no search at all.
        if (!Request.Query.TryGetValue("q", out var asked))
        {
            return;
        }

        var q = Q = asked.ToString();
        var page = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;

        try
        {
            Results = await TextSearch.FindAsync(db, Me.Reader, q, page, ct);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError("q", ex.Message);
        }
    }

    /// <summary>The address of a hit's page.</summary>
    public static string Link(SearchHit hit) => hit.Kind switch
    {
        SearchHitKind.Commitment => $"/priorities/commitments/{hit.Id}",
        SearchHitKind.Update => $"/priorities/commitments/{hit.CommitmentId}#update-{hit.Id}",
        SearchHitKind.DeliveryTask => $"/strategy/tasks/{hit.Id}",
    };

    /// <summary>What a hit is, in words.</summary>
    public static string Label(SearchHitKind kind) => kind switch
    {
        SearchHitKind.Commitment => "Commitment",
        SearchHitKind.Update => "Update",
        SearchHitKind.DeliveryTask => "Delivery task",
    };

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) => $"/search?q={Uri.EscapeDataString(Q ?? "")}&page={page}";
}
