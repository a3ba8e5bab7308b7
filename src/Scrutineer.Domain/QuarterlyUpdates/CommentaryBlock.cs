namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>A heading, paragraph or bullet list within commentary.</summary>
/// <param name="Kind">What the block is.</param>
/// <param name="Lines">One line for a heading or paragraph; one per item for a bullet list.</param>
public sealed record CommentaryBlock(CommentaryBlockKind Kind, IReadOnlyList<string> Lines)
{
    /// <summary>The block's text: the paragraph, heading, or the items joined by new lines.</summary>
    public string Text => string.Join('\n', Lines);
}
