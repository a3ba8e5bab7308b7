namespace Scrutineer.Web.Pages;

/// <summary>Where a long list stands for <c>_Pagination</c>: the page shown (from 1), how many there are, and each page's address.</summary>
public sealed record Pager(int Page, int Pages, Func<int, string> Link)
{
    /// <summary>The page numbers to show, with null for a gap ("⋯"): the first, the last, and those next to the current one.</summary>
    public IEnumerable<int?> Numbers()
    {
        int? previous = null;
        for (var n = 1; n <= Pages; n++)
        {
            if (n == 1 || n == Pages || Math.Abs(n - Page) <= 1)
            {
                if (previous is { } p && n - p > 1)
                {
                    yield return null;
                }

                yield return n;
                previous = n;
            }
        }
    }
}
