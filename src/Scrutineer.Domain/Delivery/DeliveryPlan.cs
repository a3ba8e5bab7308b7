using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Delivery;

/// <summary>
/// A 4P delivery plan of a strand (one sheet of a workbook): tasks under Prevent, Pursue, Protect and Prepare.
/// A task is known by its stage and number together, because plans reuse a number under several stages.
/// </summary>
public sealed class DeliveryPlan
{
    private readonly List<DeliveryTask> tasks = [];

    private DeliveryPlan()
    {
        Title = "";
        Strand = null!;
    }

    internal DeliveryPlan(ThematicStrand strand, int position, string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException($"A delivery plan of '{strand.Title}' needs a title.");
        }

        Strand = strand;
        Position = position;
        Title = title.Trim();
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>Identity of the strand.</summary>
    public int StrandId { get; private set; }

    /// <summary>The strand the plan delivers.</summary>
    public ThematicStrand Strand { get; private set; }

    /// <summary>Order within the strand, from 1.</summary>
    public int Position { get; private set; }

    /// <summary>The title written above the plan ("Violence 4P plan - Night Time Economy").</summary>
    public string Title { get; private set; }

    /// <summary>The tasks in stage then number order.</summary>
    public IReadOnlyList<DeliveryTask> Tasks => tasks.OrderBy(t => t.Stage).ThenBy(t => t.Number).ToList();

    /// <summary>The task with that stage and number, or null.</summary>
    public DeliveryTask? Find(FourPStage stage, int number) => tasks.FirstOrDefault(t => t.Stage == stage && t.Number == number);

    /// <summary>The next number not used by any task of the plan.</summary>
    public int NextFreeNumber() => tasks.Count == 0 ? 1 : tasks.Max(t => t.Number) + 1;

    /// <summary>Adds a task, starting as not started on <paramref name="on"/>.</summary>
    /// <exception cref="DomainException">The stage and number are taken, the number is below 1, or the text is blank.</exception>
    public DeliveryTask AddTask(FourPStage stage, int number, string text, DateOnly on, string source)
    {
        if (Find(stage, number) is not null)
        {
            throw new DomainException($"'{Title}' already has task {stage.ToString().ToUpperInvariant()} {number}.");
        }

        var task = new DeliveryTask(this, stage, number, text, on, source);
        tasks.Add(task);
        return task;
    }
}
