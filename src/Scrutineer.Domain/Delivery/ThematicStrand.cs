using System.Text;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Delivery;

/// <summary>
/// A key area of a crime prevention strategy ("Domestic Abuse", "Gangs and Knife Crime"): its aims, partnership forums,
/// leads over time and its 4P delivery plans. Also known by aliases, because the documents spell the names differently.
/// </summary>
public sealed class ThematicStrand
{
    private readonly List<StrategicAim> aims = [];
    private readonly List<PartnershipForum> forums = [];
    private readonly List<LeadAssignment> leads = [];
    private readonly List<DeliveryPlan> plans = [];

    private ThematicStrand()
    {
        Title = "";
        AliasText = "";
        Strategy = null!;
    }

    internal ThematicStrand(CrimePreventionStrategy strategy, int position, string title, IEnumerable<string> aliases)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("A thematic strand needs a title.");
        }

        Strategy = strategy;
        Position = position;
        Title = title.Trim();
        AliasText = "";
        SetAliases(aliases);
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>Identity of the strategy.</summary>
    public int StrategyId { get; private set; }

    /// <summary>The strategy.</summary>
    public CrimePreventionStrategy Strategy { get; private set; }

    /// <summary>Order in the strategy's reports, from 1.</summary>
    public int Position { get; private set; }

    /// <summary>"Domestic Abuse".</summary>
    public string Title { get; private set; }

    /// <summary>Other names, one per line ("Violence - Gangs", "GANG CRIMINALITY AND KNIFE CRIME").</summary>
    public string AliasText { get; private set; }

    /// <summary>Other names the strand goes by.</summary>
    public IReadOnlyList<string> Aliases => AliasText.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The strategic aims in order.</summary>
    public IReadOnlyList<StrategicAim> Aims => aims.OrderBy(a => a.Position).ToList();

    /// <summary>The partnership forums in order.</summary>
    public IReadOnlyList<PartnershipForum> Forums => forums.OrderBy(f => f.Position).ToList();

    /// <summary>Every lead assignment ever recorded, oldest first.</summary>
    public IReadOnlyList<LeadAssignment> Leads => leads.OrderBy(l => l.Sequence).ToList();

    /// <summary>The delivery plans (a strand can have several: gangs, night-time economy, knife crime).</summary>
    public IReadOnlyList<DeliveryPlan> Plans => plans.OrderBy(p => p.Position).ToList();

    internal IEnumerable<string> Keys => Aliases.Prepend(Title).Select(Key);

    /// <summary>Replaces the strategic aims.</summary>
    public void SetAims(IEnumerable<string> texts) => Replace(aims, texts, (i, t) => new StrategicAim(i, t));

    /// <summary>Replaces the partnership forums.</summary>
    public void SetForums(IEnumerable<string> names) => Replace(forums, names, (i, t) => new PartnershipForum(i, t));

    /// <summary>Replaces the aliases (blank and duplicate names are dropped).</summary>
    public void SetAliases(IEnumerable<string> names) =>
        AliasText = string.Join('\n', names.Select(n => n.Trim()).Where(n => n.Length > 0 && Key(n) != Key(Title)).Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>Adds a name the strand is also known by, unless it already is.</summary>
    public void AddAlias(string name)
    {
        if (!Keys.Contains(Key(name)))
        {
            SetAliases(Aliases.Append(name));
        }
    }

    /// <summary>
    /// Records that <paramref name="person"/> leads the strand (or <paramref name="area"/> of it) from <paramref name="from"/>.
    /// The current lead of the same role and area, if different, is closed the day before. Recording the current lead again
    /// changes nothing and returns null.
    /// </summary>
    /// <exception cref="DomainException">Blank person.</exception>
    public LeadAssignment? AssignLead(LeadRole role, string person, string? area, DateOnly? from, string source)
    {
        if (string.IsNullOrWhiteSpace(person))
        {
            throw new DomainException($"A {role.ToString().ToLowerInvariant()} lead for '{Title}' needs a name or role.");
        }

        var name = person.Trim();
        var where = string.IsNullOrWhiteSpace(area) ? null : area.Trim();
        var current = leads.LastOrDefault(l => l.Role == role && string.Equals(l.Area, where, StringComparison.OrdinalIgnoreCase) && l.ValidTo is null);
        if (current is not null && string.Equals(current.Person, name, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (current is not null)
        {
            current.Close(from?.AddDays(-1) ?? current.ValidFrom ?? DateOnly.MinValue);
        }

        var assignment = new LeadAssignment(leads.Count == 0 ? 1 : leads.Max(l => l.Sequence) + 1, role, name, where, from, source);
        leads.Add(assignment);
        return assignment;
    }

    /// <summary>The leads in force on <paramref name="day"/>, strategic first.</summary>
    public IReadOnlyList<LeadAssignment> LeadsOn(DateOnly day) =>
        leads.Where(l => l.IsValidOn(day)).OrderBy(l => l.Role).ThenBy(l => l.Sequence).ToList();

    /// <summary>Adds a delivery plan, or returns the one with that title.</summary>
    public DeliveryPlan PlanTitled(string title)
    {
        var key = Key(title);
        var existing = plans.FirstOrDefault(p => Key(p.Title) == key);
        if (existing is not null)
        {
            return existing;
        }

        var plan = new DeliveryPlan(this, plans.Count == 0 ? 1 : plans.Max(p => p.Position) + 1, title);
        plans.Add(plan);
        return plan;
    }

    /// <summary>Renames the strand.</summary>
    public void Rename(string title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("A thematic strand needs a title.");
        }

        Title = title.Trim();
    }

    /// <summary>A name reduced for matching: lower case, letters and digits only, "&amp;" read as "and".</summary>
    public static string Key(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Replace("&", " and ", StringComparison.Ordinal).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static void Replace<T>(List<T> list, IEnumerable<string> texts, Func<int, string, T> make)
    {
        list.Clear();
        var i = 0;
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            list.Add(make(++i, text.Trim()));
        }
    }
}
