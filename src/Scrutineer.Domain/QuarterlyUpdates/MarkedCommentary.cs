using Scrutineer.Domain.Documents;

namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>
/// Splits commentary written the old way, with an OFFICIAL-SENSITIVE marking typed into the text, into its OFFICIAL and
/// OFFICIAL-SENSITIVE parts (the store's upgrade to classification as data). A block holding a marking anywhere moves
/// whole, with the marking taken out; a heading holding a marking moves with every block under it, up to the next heading.
/// </summary>
public static class MarkedCommentary
{
    /// <summary>The OFFICIAL part and the OFFICIAL-SENSITIVE part; the second is empty when nothing was marked.</summary>
    public static (Commentary Official, Commentary Sensitive) Split(Commentary commentary)
    {
        var official = new List<string>();
        var sensitive = new List<string>();
        var underMarkedHeading = false;
        foreach (var block in commentary.Blocks)
        {
            var text = Text(block);
            var marked = MarkingInText.Find(text) is not null;
            if (block.Kind == CommentaryBlockKind.Heading)
            {
                underMarkedHeading = marked;
            }

            if (!marked && !underMarkedHeading)
            {
                official.Add(text);
                continue;
            }

            var cleaned = string.Join('\n', text.Split('\n').Select(line => line.StartsWith("- ", StringComparison.Ordinal)
                ? "- " + MarkingInText.Remove(line[2..])
                : MarkingInText.Remove(line)).Where(line => line.Length > 0 && line != "-" && line != ":"));
            if (cleaned.Length > 0)
            {
                sensitive.Add(cleaned);
            }
        }

        return (Commentary.Parse(string.Join("\n\n", official)), Commentary.Parse(string.Join("\n\n", sensitive)));
    }

    private static string Text(CommentaryBlock block) =>
        block.Kind == CommentaryBlockKind.BulletList ? string.Join('\n', block.Lines.Select(l => "- " + l)) : block.Text;
}
