using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Plans;

/// <summary>
/// A "We will…" commitment of a priority, with optional sub-points and the units responsible for it.
/// Referenced as "3.2" (priority 3, commitment 2).
/// </summary>
public sealed class Commitment
{
    private readonly List<CommitmentSubPoint> subPoints = [];
    private readonly List<Responsibility> responsibilities = [];

    private Commitment()
    {
        Text = "";
        Priority = null!;
    }

    internal Commitment(Priority priority, int number, string text, IEnumerable<Unit> units, IEnumerable<string> subPoints)
    {
        Priority = priority;
        Number = number;
        Text = Required(text);
        SetSubPoints(subPoints);
        SetUnits(units);
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>Identity of the priority.</summary>
    public int PriorityId { get; private set; }

    /// <summary>The priority this commitment belongs to.</summary>
    public Priority Priority { get; private set; }

    /// <summary>Order within the priority, from 1.</summary>
    public int Number { get; private set; }

    /// <summary>The commitment, written after "We will": for example "Work with partners to…".</summary>
    public string Text { get; private set; }

    /// <summary>
    /// The commitment as a sentence: "We will work with partners to…". A capital on the first word of <see cref="Text"/>
    /// is lowered ("Close the gap" → "close the gap") unless the word is an abbreviation ("ASB", "CCTV"), and a text that
    /// already begins "We will" is not given it twice.
    /// </summary>
    public string WeWill
    {
        get
        {
            if (Text.StartsWith("We will ", StringComparison.OrdinalIgnoreCase))
            {
                return "We will " + Text[8..];
            }

            var firstWord = Text.Split(' ', 2)[0];
            var abbreviation = firstWord.Length > 1 && firstWord.Count(char.IsUpper) > 1;
            return "We will " + (abbreviation || Text.Length == 0 ? Text : char.ToLower(Text[0], System.Globalization.CultureInfo.InvariantCulture) + Text[1..]);
        }
    }

    /// <summary>Identity of the commitment of an earlier plan that this one carries forward, if any.</summary>
    public int? CarriesForwardId { get; private set; }

    /// <summary>The commitment of an earlier plan that this one carries forward.</summary>
    public Commitment? CarriesForward { get; private set; }

    /// <summary>"3.2": priority number and commitment number.</summary>
    public string Reference => ReferenceOf(Priority.Number, Number);

    /// <summary>The reference of commitment <paramref name="number"/> under priority <paramref name="priority"/>: "2.3".</summary>
    public static string ReferenceOf(int priority, int number) => $"{priority}.{number}";

    /// <summary>Sub-points in order (the bullets under "…, including:").</summary>
    public IReadOnlyList<string> SubPoints => subPoints.OrderBy(s => s.Position).Select(s => s.Text).ToList();

    /// <summary>The responsible units, in the order the Who column lists them.</summary>
    public IReadOnlyList<Unit> Units => responsibilities.OrderBy(r => r.Position).Select(r => r.Unit).ToList();

    /// <summary>Whether <paramref name="unit"/> is one of the responsible units.</summary>
    public bool IsResponsible(Unit unit) => responsibilities.Any(r => r.Unit == unit || (unit.Id != 0 && r.UnitId == unit.Id));

    /// <summary>Changes the wording.</summary>
    public void Reword(string text) => Text = Required(text);

    /// <summary>Replaces the sub-points.</summary>
    public void SetSubPoints(IEnumerable<string> points)
    {
        subPoints.Clear();
        var position = 0;
        foreach (var point in points.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            subPoints.Add(new CommitmentSubPoint(++position, point.Trim()));
        }
    }

    /// <summary>Replaces the responsible units (at least one).</summary>
    /// <exception cref="DomainException">No unit given, or a unit given twice.</exception>
    public void SetUnits(IEnumerable<Unit> units)
    {
        var list = units.ToList();
        if (list.Count == 0)
        {
            throw new DomainException($"Commitment '{Abbreviate(Text)}' needs at least one responsible unit.");
        }

        var twice = list.GroupBy(u => u.ShortName, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new DomainException($"Commitment '{Abbreviate(Text)}' names unit '{twice.Key}' twice.");
        }

        responsibilities.Clear();
        var position = 0;
        foreach (var unit in list)
        {
            responsibilities.Add(new Responsibility(unit, ++position));
        }
    }

    /// <summary>Records that this commitment carries forward one from an earlier plan.</summary>
    /// <exception cref="DomainException">The earlier commitment belongs to the same plan.</exception>
    public void CarryForwardFrom(Commitment? earlier)
    {
        if (earlier is not null && ReferenceEquals(earlier.Priority.Plan, Priority.Plan))
        {
            throw new DomainException("A commitment can only carry forward one from an earlier plan, not from its own plan.");
        }

        CarriesForward = earlier;
        CarriesForwardId = earlier?.Id;
    }

    private static string Required(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new DomainException("A commitment needs its 'We will…' text.") : text.Trim();

    private static string Abbreviate(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
