using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Plans;

/// <summary>A numbered priority of a plan, with its objective sentence and its "We will…" commitments.</summary>
public sealed class Priority
{
    private readonly List<Commitment> commitments = [];

    private Priority()
    {
        Title = "";
        Objective = "";
        Plan = null!;
    }

    internal Priority(Plan plan, int number, string title, string objective)
    {
        if (number < 1)
        {
            throw new DomainException($"Priority numbers start at 1; {number} is not allowed.");
        }

        Plan = plan;
        Number = number;
        Title = Required(title, "title");
        Objective = objective?.Trim() ?? "";
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>Identity of the plan.</summary>
    public int PlanId { get; private set; }

    /// <summary>The plan this priority belongs to.</summary>
    public Plan Plan { get; private set; }

    /// <summary>1, 2, 3 … as printed ("Priority 3").</summary>
    public int Number { get; private set; }

    /// <summary>For example "Reducing drug driven violence".</summary>
    public string Title { get; private set; }

    /// <summary>The objective sentence, printed after "Our objective is to".</summary>
    public string Objective { get; private set; }

    /// <summary>"Priority 3 – Protecting vulnerable people…".</summary>
    public string Heading => $"Priority {Number} – {Title}";

    /// <summary>The commitments in order.</summary>
    public IReadOnlyList<Commitment> Commitments => commitments.OrderBy(c => c.Number).ToList();

    /// <summary>Adds a "We will…" commitment at the end of the list, or with the number given.</summary>
    /// <exception cref="DomainException">The number is taken.</exception>
    public Commitment AddCommitment(string text, IEnumerable<Unit> responsibleUnits, IEnumerable<string>? subPoints = null, int? number = null)
    {
        var n = number ?? (commitments.Count == 0 ? 1 : commitments.Max(c => c.Number) + 1);
        if (commitments.Any(c => c.Number == n))
        {
            throw new DomainException($"Commitment {Commitment.ReferenceOf(Number, n)} already exists in '{Plan.Title}'.");
        }

        var commitment = new Commitment(this, n, text, responsibleUnits, subPoints ?? []);
        commitments.Add(commitment);
        return commitment;
    }

    /// <summary>Changes the title and objective.</summary>
    public void Describe(string title, string objective)
    {
        Title = Required(title, "title");
        Objective = objective?.Trim() ?? "";
    }

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"A priority needs a {field}.") : value.Trim();
}
