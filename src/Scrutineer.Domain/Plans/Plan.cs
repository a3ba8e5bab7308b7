using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Plans;

/// <summary>
/// A multi-year Police and Crime Plan: numbered priorities, each with "We will…" commitments.
/// Runs from the first to the last financial year inclusive; an extension moves the last year on.
/// </summary>
public sealed class Plan
{
    private readonly List<Priority> priorities = [];

    private Plan()
    {
        Title = "";
        Metadata = DocumentMetadata.Default;
    }

    /// <summary>Creates a plan.</summary>
    /// <exception cref="DomainException">Blank title, or the last year is before the first.</exception>
    public Plan(string title, FinancialYear firstYear, FinancialYear lastYear)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("A plan needs a title.");
        }

        if (lastYear < firstYear)
        {
            throw new DomainException($"A plan cannot end ({lastYear}) before it starts ({firstYear}).");
        }

        Title = title.Trim();
        FirstYear = firstYear;
        LastYear = lastYear;
        Metadata = DocumentMetadata.Default;
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>For example "Police and Crime Plan 2021-2024".</summary>
    public string Title { get; private set; }

    /// <summary>The first financial year the plan covers.</summary>
    public FinancialYear FirstYear { get; private set; }

    /// <summary>The last financial year the plan covers, after any extension.</summary>
    public FinancialYear LastYear { get; private set; }

    /// <summary>The last financial year as first agreed, before extensions; null when never extended.</summary>
    public FinancialYear? OriginalLastYear { get; private set; }

    /// <summary>Why the plan was extended, when it was.</summary>
    public string? ExtensionReason { get; private set; }

    /// <summary>Version, author unit, owner and classification printed on the plan's reports.</summary>
    public DocumentMetadata Metadata { get; private set; }

    /// <summary>The priorities in number order.</summary>
    public IReadOnlyList<Priority> Priorities => priorities.OrderBy(p => p.Number).ToList();

    /// <summary>Every commitment of the plan, in priority then commitment order.</summary>
    public IEnumerable<Commitment> Commitments => Priorities.SelectMany(p => p.Commitments);

    /// <summary>Whether <paramref name="quarter"/> lies within the plan's years.</summary>
    public bool Covers(FinancialQuarter quarter) => Covers(FirstYear, LastYear, quarter);

    /// <summary>Whether <paramref name="quarter"/> lies within a plan running from <paramref name="firstYear"/> to <paramref name="lastYear"/>.</summary>
    public static bool Covers(FinancialYear firstYear, FinancialYear lastYear, FinancialQuarter quarter) =>
        quarter.Year >= firstYear && quarter.Year <= lastYear;

    /// <summary>Adds a priority with the next free number, or the number given.</summary>
    /// <exception cref="DomainException">The number is taken.</exception>
    public Priority AddPriority(string title, string objective, int? number = null)
    {
        var n = number ?? (priorities.Count == 0 ? 1 : priorities.Max(p => p.Number) + 1);
        if (priorities.Any(p => p.Number == n))
        {
            throw new DomainException($"Priority {n} already exists in '{Title}'.");
        }

        var priority = new Priority(this, n, title, objective);
        priorities.Add(priority);
        return priority;
    }

    /// <summary>Extends the plan to a later last year (plans are extended, for example by a year after an election delay).</summary>
    /// <exception cref="DomainException">The new last year is not later than the current one.</exception>
    public void ExtendTo(FinancialYear lastYear, string reason)
    {
        if (lastYear <= LastYear)
        {
            throw new DomainException($"An extension must end after {LastYear}; {lastYear} does not.");
        }

        OriginalLastYear ??= LastYear;
        LastYear = lastYear;
        ExtensionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    /// <summary>Changes the title and years.</summary>
    public void Describe(string title, FinancialYear firstYear, FinancialYear lastYear)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("A plan needs a title.");
        }

        if (lastYear < firstYear)
        {
            throw new DomainException($"A plan cannot end ({lastYear}) before it starts ({firstYear}).");
        }

        Title = title.Trim();
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>Sets the document metadata printed on the plan's reports.</summary>
    public void SetMetadata(DocumentMetadata metadata) => Metadata = metadata;
}
