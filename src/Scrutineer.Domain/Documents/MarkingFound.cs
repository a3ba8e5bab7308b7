namespace Scrutineer.Domain.Documents;

/// <summary>A marking found in text: the text as typed and its line (from 1).</summary>
public sealed record MarkingFound(string Text, int Line);
