using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// A crime harm index: a table of weights in days per crime type (<see cref="HarmWeight"/>), nationally or by force.
/// Harm = count × weight. Reports print its name and source beside every harm-weighted figure.
/// </summary>
public sealed class HarmIndex
{
    /// <summary>Longest name, in characters.</summary>
    public const int NameMaxLength = 100;

    /// <summary>Longest source text, in characters.</summary>
    public const int SourceMaxLength = 1000;

    private HarmIndex()
    {
        Name = "";
        Source = "";
    }

    /// <summary>Creates an index.</summary>
    /// <exception cref="DomainException">An empty or overlong name or source.</exception>
    public HarmIndex(string name, string source)
    {
        name = (name ?? "").Trim();
        if (name.Length == 0 || name.Length > NameMaxLength)
        {
            throw new DomainException($"A harm index needs a name of 1 to {NameMaxLength} characters.");
        }

        Name = name;
        Source = Describe(source);
    }

    /// <summary>Store key.</summary>
    public int Id { get; private set; }

    /// <summary>Unique name ("Cambridge Crime Harm Index").</summary>
    public string Name { get; private set; }

    /// <summary>Where the weights come from and how they were made, as printed beside the figures.</summary>
    public string Source { get; private set; }

    /// <summary>Replaces the source text (the weights imported again).</summary>
    /// <exception cref="DomainException">An overlong source.</exception>
    public void Resource(string source) => Source = Describe(source);

    private static string Describe(string? source)
    {
        source = (source ?? "").Trim();
        return source.Length <= SourceMaxLength ? source : throw new DomainException($"A harm index's source is at most {SourceMaxLength} characters.");
    }
}
