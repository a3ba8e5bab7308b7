using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Scrutineer.Web.Pages;

/// <summary>
/// A long table sorted and paged from the address (<c>?sort=due&amp;order=descending&amp;page=2</c>), so a sorted page
/// can be bookmarked and works without JavaScript. Other query values (a table's filters) are kept in every link;
/// sorting goes back to page 1. Unknown columns, orders and pages fall back to the defaults.
/// </summary>
/// <typeparam name="T">A row.</typeparam>
public sealed class TableView<T>
{
    private readonly HttpRequest request;
    private readonly string path;

    private TableView(HttpRequest request, string sort, bool descending, int page, int pages, int total, IReadOnlyList<T> rows)
    {
        this.request = request;
        path = request.Path;
        Sort = sort;
        Descending = descending;
        Page = page;
        Pages = pages;
        Total = total;
        Rows = rows;
    }

    /// <summary>The column sorted by.</summary>
    public string Sort { get; }

    /// <summary>Whether the order is descending.</summary>
    public bool Descending { get; }

    /// <summary>The page shown, from 1.</summary>
    public int Page { get; }

    /// <summary>How many pages there are (at least 1).</summary>
    public int Pages { get; }

    /// <summary>How many rows there are in all.</summary>
    public int Total { get; }

    /// <summary>This page's rows.</summary>
    public IReadOnlyList<T> Rows { get; }

    /// <summary>The pagination under the table.</summary>
    public Pager Pager => new(Page, Pages, n => Link(("page", n == 1 ? null : n.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>"Showing 51 to 100 of 324".</summary>
    public string Showing(int pageSize) => Total == 0 ? "None" : string.Create(Domain.Common.EnGb.Culture,
        $"Showing {((Page - 1) * pageSize) + 1:N0} to {Math.Min(Page * pageSize, Total):N0} of {Total:N0}");

    /// <summary>Sorts and pages <paramref name="rows"/> (already in their default order) by the request's <c>sort</c>, <c>order</c> and <c>page</c>.</summary>
    /// <param name="rows">The rows, in the table's default order (kept for ties).</param>
    /// <param name="request">The request whose query string says the sort and page.</param>
    /// <param name="columns">Sortable column → sort key (null sorts first).</param>
    /// <param name="defaultSort">The column of the default order.</param>
    /// <param name="pageSize">Rows on a page.</param>
    public static TableView<T> From(IEnumerable<T> rows, HttpRequest request, IReadOnlyDictionary<string, Func<T, IComparable?>> columns, string defaultSort, int pageSize = 50)
    {
        var sort = request.Query["sort"].ToString();
        if (!columns.ContainsKey(sort))
        {
            sort = defaultSort;
        }

        var descending = string.Equals(request.Query["order"], "descending", StringComparison.Ordinal);
        var key = columns[sort];
        var comparer = Comparer<IComparable?>.Create((a, b) => a is null ? (b is null ? 0 : -1) : b is null ? 1 : a.CompareTo(b));
        var all = rows.ToList();
        var sorted = descending ? all.OrderByDescending(key, comparer).ToList() : all.OrderBy(key, comparer).ToList();
        var pages = Math.Max(1, (sorted.Count + pageSize - 1) / pageSize);
        var page = int.TryParse(request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, pages) : 1;
        return new TableView<T>(request, sort, descending, page, pages, sorted.Count, sorted.Skip((page - 1) * pageSize).Take(pageSize).ToList());
    }

    /// <summary>The <c>aria-sort</c> of a column's header: "ascending" or "descending" on the sorted one, "none" on the others.</summary>
    public string AriaSort(string column) => column != Sort ? "none" : Descending ? "descending" : "ascending";

    /// <summary>
    /// A sortable column's header cell: a link sorting by the column (ascending first, then the other way), with
    /// <c>aria-sort</c> and an arrow saying the order.
    /// </summary>
    public IHtmlContent Header(string column, string label, bool numeric = false)
    {
        var sort = AriaSort(column);
        var arrow = sort switch { "ascending" => "▲", "descending" => "▼", _ => "⇅" };
        var html = HtmlEncoder.Default;
        return new HtmlString(
            $"<th scope=\"col\" class=\"govuk-table__header{(numeric ? " govuk-table__header--numeric" : "")}\" aria-sort=\"{sort}\">"
            + $"<a class=\"govuk-link govuk-link--no-visited-state app-sort-link\" href=\"{html.Encode(SortLink(column))}\">{html.Encode(label)}"
            + $"<span class=\"app-sort-link__arrow\" aria-hidden=\"true\"> {arrow}</span></a></th>");
    }

    /// <summary>The link a column's header goes to: sorted by it, ascending first, or the other way when it is already sorted by it.</summary>
    public string SortLink(string column) => Link(("sort", column), ("order", column == Sort && !Descending ? "descending" : null), ("page", null));

    private string Link(params (string Name, string? Value)[] changes)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            query[name] = value;
        }

        return QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)).OrderBy(q => q.Key, StringComparer.Ordinal));
    }
}
