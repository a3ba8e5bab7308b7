namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>The kinds of block commentary is made of.</summary>
public enum CommentaryBlockKind
{
    /// <summary>A short line of its own ending in a colon, such as "SCD Update:".</summary>
    Heading,

    /// <summary>A paragraph of prose.</summary>
    Paragraph,

    /// <summary>A bullet list; each item is one line.</summary>
    BulletList,
}
