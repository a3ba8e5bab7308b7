using Scrutineer.Domain.Common;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// A measure the force reports: "Residential burglary", "Officers (FTE)", "999 calls answered within 10 seconds".
/// Measures are told apart by name only; two reports' "Knife crime" with different definitions are two measures.
/// </summary>
public sealed class Measure
{
    /// <summary>Longest name, in characters.</summary>
    public const int NameMaxLength = 200;

    private Measure()
    {
        Name = "";
        Unit = "";
        Definition = "";
        Source = "";
    }

    /// <summary>Creates a measure.</summary>
    /// <exception cref="DomainException">Empty or overlong name.</exception>
    public Measure(string name, string unit, MeasureKind kind, BetterDirection better, string definition, string source)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0 || name.Length > NameMaxLength)
        {
            throw new DomainException($"A measure needs a name of 1 to {NameMaxLength} characters.");
        }

        Name = name;
        Unit = Limit(unit, 60);
        Kind = kind;
        Better = better;
        Definition = Limit(definition, 2000);
        Source = Limit(source, 300);
    }

    /// <summary>Store key.</summary>
    public int Id { get; private set; }

    /// <summary>Unique name, as reports print it.</summary>
    public string Name { get; private set; }

    /// <summary>The unit of a value ("crimes", "officers (FTE)", "%", "seconds", "£").</summary>
    public string Unit { get; private set; }

    /// <summary>What kind of values the measure has.</summary>
    public MeasureKind Kind { get; private set; }

    /// <summary>Which direction is better.</summary>
    public BetterDirection Better { get; private set; }

    /// <summary>How the measure is defined (which offences, which keyword search).</summary>
    public string Definition { get; private set; }

    /// <summary>Where the figures come from ("data.police.uk street-level crime", "Home Office police workforce tables").</summary>
    public string Source { get; private set; }

    /// <summary>Updates the descriptive fields (a definitions file loaded again).</summary>
    public void Describe(string unit, MeasureKind kind, BetterDirection better, string definition, string source)
    {
        Unit = Limit(unit, 60);
        Kind = kind;
        Better = better;
        Definition = Limit(definition, 2000);
        Source = Limit(source, 300);
    }

    private static string Limit(string? text, int max)
    {
        text = (text ?? "").Trim();
        return text.Length <= max ? text : throw new DomainException($"'{text[..Math.Min(40, text.Length)]}…' is longer than {max} characters.");
    }
}
