using System.Text;

namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>
/// A unit's commentary on a commitment for a quarter, as structured paragraphs and bullet lists.
/// Its text form is what contributors type: blocks separated by a blank line; lines starting "- ", "* " or "• "
/// are bullet items; a single short line ending in ":" is a heading (such as "SCD Update:"); other lines of a block
/// join into one paragraph. <see cref="ToString"/> gives the canonical text form, and parsing it gives the same blocks.
/// </summary>
public sealed class Commentary : IEquatable<Commentary>
{
    private const int HeadingMaxLength = 120;

    private Commentary(IReadOnlyList<CommentaryBlock> blocks) => Blocks = blocks;

    /// <summary>No commentary.</summary>
    public static Commentary Empty { get; } = new([]);

    /// <summary>The blocks in order.</summary>
    public IReadOnlyList<CommentaryBlock> Blocks { get; }

    /// <summary>Whether there is no text at all.</summary>
    public bool IsEmpty => Blocks.Count == 0;

    /// <summary>Number of words, for review screens.</summary>
    public int WordCount => Blocks.SelectMany(b => b.Lines).Sum(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    /// <summary>Parses the text form. Never fails: any text is valid commentary.</summary>
    public static Commentary Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        var blocks = new List<CommentaryBlock>();
        var paragraph = new List<string>();
        var bullets = new List<string>();

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                var joined = string.Join(' ', paragraph);
                var kind = paragraph.Count == 1 && joined.EndsWith(':') && joined.Length <= HeadingMaxLength
                    ? CommentaryBlockKind.Heading
                    : CommentaryBlockKind.Paragraph;
                blocks.Add(new CommentaryBlock(kind, [joined]));
                paragraph.Clear();
            }

            if (bullets.Count > 0)
            {
                blocks.Add(new CommentaryBlock(CommentaryBlockKind.BulletList, bullets.ToList()));
                bullets.Clear();
            }
        }

        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
            }
            else if (BulletItem(line) is { } item)
            {
                if (paragraph.Count > 0)
                {
                    Flush();
                }

                bullets.Add(item);
            }
            else
            {
                if (bullets.Count > 0)
                {
                    Flush();
                }

                paragraph.Add(line);
            }
        }

        Flush();
        return new Commentary(blocks);
    }

    /// <summary>The canonical text form: blocks separated by blank lines, bullet items as "- item".</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var block in Blocks)
        {
            if (builder.Length > 0)
            {
                builder.Append("\n\n");
            }

            builder.AppendJoin('\n', block.Kind == CommentaryBlockKind.BulletList ? block.Lines.Select(l => "- " + l) : block.Lines);
        }

        return builder.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(Commentary? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Commentary);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    private static string? BulletItem(string line)
    {
        foreach (var marker in new[] { "- ", "* ", "• ", "· ", "– " })
        {
            if (line.StartsWith(marker, StringComparison.Ordinal))
            {
                var item = line[marker.Length..].Trim();
                return item.Length == 0 ? null : item;
            }
        }

        return null;
    }
}
