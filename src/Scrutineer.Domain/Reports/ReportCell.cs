namespace Scrutineer.Domain.Reports;

/// <summary>A table cell holding blocks (paragraphs, unit headings, bullet lists).</summary>
/// <param name="Content">The blocks in order; empty for a blank cell.</param>
public sealed record ReportCell(IReadOnlyList<ReportBlock> Content)
{
    /// <summary>A cell holding one paragraph (or nothing when the text is empty).</summary>
    public static ReportCell Of(string text) =>
        new(string.IsNullOrEmpty(text) ? [] : [new ReportParagraph(text)]);

    /// <summary>The cell's text, blocks separated by new lines.</summary>
    public string Text => string.Join('\n', Content.Select(b => b switch
    {
        ReportParagraph p => p.Text,
        ReportHeading h => h.Text,
        ReportBulletList l => string.Join('\n', l.Items.Select(i => "• " + i)),
        _ => "",
    }));
}
