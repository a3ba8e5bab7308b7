using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Delivery;

/// <summary>
/// A force's crime prevention strategy: a title, the calendar years it runs (inclusive), its launch date and its
/// thematic strands in the order the reports print them.
/// </summary>
public sealed class CrimePreventionStrategy
{
    private readonly List<ThematicStrand> strands = [];

    private CrimePreventionStrategy()
    {
        Title = "";
    }

    /// <summary>Creates a strategy.</summary>
    /// <exception cref="DomainException">Blank title, or the last year is before the first.</exception>
    public CrimePreventionStrategy(string title, int? firstYear, int? lastYear, DateOnly? launchedOn)
    {
        Title = "";
        Describe(title, firstYear, lastYear, launchedOn);
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>"Crime Prevention Strategy 2018-2021".</summary>
    public string Title { get; private set; }

    /// <summary>First calendar year, when known.</summary>
    public int? FirstYear { get; private set; }

    /// <summary>Last calendar year (inclusive), when known.</summary>
    public int? LastYear { get; private set; }

    /// <summary>The launch date, when known.</summary>
    public DateOnly? LaunchedOn { get; private set; }

    /// <summary>The thematic strands in report order.</summary>
    public IReadOnlyList<ThematicStrand> Strands => strands.OrderBy(s => s.Position).ToList();

    /// <summary>Changes the title, years and launch date.</summary>
    /// <exception cref="DomainException">Blank title, or the last year is before the first.</exception>
    public void Describe(string title, int? firstYear, int? lastYear, DateOnly? launchedOn)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("A crime prevention strategy needs a title.");
        }

        if (firstYear is { } f && lastYear is { } l && l < f)
        {
            throw new DomainException($"A strategy cannot end ({l}) before it starts ({f}).");
        }

        Title = title.Trim();
        FirstYear = firstYear;
        LastYear = lastYear;
        LaunchedOn = launchedOn;
    }

    /// <summary>Adds a strand at the end of the order.</summary>
    /// <exception cref="DomainException">A strand of that title (or alias) already exists.</exception>
    public ThematicStrand AddStrand(string title, IEnumerable<string>? aliases = null)
    {
        if (FindStrand(title) is not null)
        {
            throw new DomainException($"'{Title}' already has a strand called '{title.Trim()}'.");
        }

        var strand = new ThematicStrand(this, strands.Count == 0 ? 1 : strands.Max(s => s.Position) + 1, title, aliases ?? []);
        strands.Add(strand);
        return strand;
    }

    /// <summary>The strand whose title or an alias matches <paramref name="name"/> ignoring case, punctuation and "&amp;"/"and"; null if none.</summary>
    public ThematicStrand? FindStrand(string name)
    {
        var key = ThematicStrand.Key(name);
        return strands.FirstOrDefault(s => s.Keys.Contains(key));
    }
}
