namespace Scrutineer.Application.Search;

/// <summary>A page of what <see cref="TextSearch"/> found.</summary>
/// <param name="Terms">The words searched for (every one must appear).</param>
/// <param name="Total">How many things were found in all, within <see cref="TextSearch.MostHits"/>.</param>
/// <param name="Page">The page shown, from 1.</param>
/// <param name="Pages">How many pages there are (at least 1).</param>
/// <param name="Hits">This page's hits: commitments first, then updates (newest quarter first), then delivery tasks.</param>
/// <param name="Capped">True when more were found than <see cref="TextSearch.MostHits"/> and the rest are not listed.</param>
public sealed record SearchResults(IReadOnlyList<string> Terms, int Total, int Page, int Pages, IReadOnlyList<SearchHit> Hits, bool Capped);
