namespace Scrutineer.Domain.Documents;

/// <summary>What a report's front page says about the document itself.</summary>
/// <param name="Version">For example "1.1".</param>
/// <param name="AuthorUnit">For example "Performance Analysis Unit".</param>
/// <param name="Author">Name (and staff number) of the author.</param>
/// <param name="DocumentOwner">Name (and staff number) of the document owner.</param>
/// <param name="Classification">The marking printed on every page.</param>
public sealed record DocumentMetadata(
    string Version,
    string AuthorUnit,
    string Author,
    string DocumentOwner,
    Classification Classification)
{
    /// <summary>Version 1.0, Performance Analysis Unit, OFFICIAL.</summary>
    public static DocumentMetadata Default { get; } = new("1.0", "Performance Analysis Unit", "", "", Classification.Official);
}
