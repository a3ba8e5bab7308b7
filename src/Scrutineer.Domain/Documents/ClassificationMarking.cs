namespace Scrutineer.Domain.Documents;

/// <summary>The printed form of a <see cref="Classification"/>.</summary>
public static class ClassificationMarking
{
    /// <summary>"OFFICIAL" or "OFFICIAL-SENSITIVE", as printed at the top and bottom of every page.</summary>
    public static string Marking(this Classification classification) => classification switch
    {
        Classification.Official => "OFFICIAL",
        Classification.OfficialSensitive => "OFFICIAL-SENSITIVE",
    };

    /// <summary>Parses "OFFICIAL", "Official", "OFFICIAL-SENSITIVE", "official sensitive".</summary>
    public static bool TryParse(string? text, out Classification classification)
    {
        var normalised = (text ?? "").Trim().Replace(' ', '-').Replace('_', '-').ToUpperInvariant();
        (var ok, classification) = normalised switch
        {
            "OFFICIAL" => (true, Classification.Official),
            "OFFICIAL-SENSITIVE" or "OFFICIALSENSITIVE" => (true, Classification.OfficialSensitive),
            _ => (false, Classification.Official),
        };
        return ok;
    }
}
