namespace Scrutineer.Application.Performance;

/// <summary>What <see cref="ForceNames.Match"/> made of a name: the force it means, or none with the candidates when ambiguous.</summary>
/// <param name="Name">The name as the file gave it.</param>
/// <param name="Force">The store's force, or null.</param>
/// <param name="Candidates">The forces it could mean when ambiguous; empty otherwise.</param>
public sealed record ForceNameMatch(string Name, string? Force, IReadOnlyList<string> Candidates)
{
    /// <summary>True when the name fits two or more forces.</summary>
    public bool Ambiguous => Candidates.Count > 1;

    /// <summary>Why the name was not matched, in a sentence: "'Kent' could be Kent Police or Kent Constabulary." / "no force called 'Norfolk' …".</summary>
    public string Problem => Force is not null ? ""
        : Ambiguous ? $"'{Name}' could be {string.Join(" or ", Candidates.Order(StringComparer.OrdinalIgnoreCase))}: name the force in full."
        : $"'{Name}' is not a force the store holds (nor with {string.Join(", ", ForceNames.Suffixes.Select(s => $"\"{s}\""))} after it).";

    internal static ForceNameMatch Of(string name, string force) => new(name, force, []);

    internal static ForceNameMatch None(string name) => new(name, null, []);

    internal static ForceNameMatch Many(string name, IReadOnlyList<string> candidates) => new(name, null, candidates);
}
