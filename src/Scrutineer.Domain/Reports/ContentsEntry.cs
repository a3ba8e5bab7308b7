namespace Scrutineer.Domain.Reports;

/// <summary>One line of a contents table: the label, and the bookmark at the heading it links to.</summary>
/// <param name="Label">"Priority 3 – Protecting vulnerable people…".</param>
/// <param name="Anchor">The heading's bookmark ("Priority_3").</param>
public sealed record ContentsEntry(string Label, string Anchor)
{
    /// <summary>The bookmark at the last paragraph of the section, for "to" page references ("Priority_3_end").</summary>
    public string EndAnchor => Anchor + "_end";
}
