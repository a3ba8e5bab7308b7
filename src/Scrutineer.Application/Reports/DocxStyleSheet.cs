using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Scrutineer.Application.Reports;

/// <summary>
/// How a paragraph of a Word report is set, resolved as Word resolves it: its own properties, then its style and the
/// styles that style is based on, then the document defaults. Read from the document's own styles part, so the layout of
/// <see cref="DocxPagination"/> follows <see cref="DocxStyles"/> without a second copy of it.
/// </summary>
internal sealed class DocxStyleSheet
{
    private readonly Dictionary<string, Style> styles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocxParagraphLook> styled = new(StringComparer.Ordinal);
    private readonly ParagraphPropertiesBaseStyle? defaultParagraph;
    private readonly RunPropertiesBaseStyle? defaultRun;
    private readonly string defaultStyle;

    public DocxStyleSheet(Styles sheet)
    {
        foreach (var style in sheet.Elements<Style>().Where(s => s.Type?.Value == StyleValues.Paragraph && s.StyleId?.Value is not null))
        {
            styles[style.StyleId!.Value!] = style;
        }

        defaultParagraph = sheet.DocDefaults?.ParagraphPropertiesDefault?.ParagraphPropertiesBaseStyle;
        defaultRun = sheet.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
        defaultStyle = sheet.Elements<Style>().FirstOrDefault(s => s.Type?.Value == StyleValues.Paragraph && s.Default?.Value == true)?.StyleId?.Value ?? "Normal";
    }

    /// <summary>The look of <paramref name="paragraph"/>: size and weight of its text, spacing, indent, line spacing and keep-with-next.</summary>
    public DocxParagraphLook Look(Paragraph paragraph)
    {
        var own = paragraph.ParagraphProperties;
        var style = own?.ParagraphStyleId?.Val?.Value ?? defaultStyle;
        if (own?.SpacingBetweenLines is not null || own?.Indentation is not null || own?.KeepNext is not null)
        {
            return Resolve(own, style);
        }

        // Most paragraphs set none of these themselves: their look is their style's, resolved once.
        if (!styled.TryGetValue(style, out var look))
        {
            styled[style] = look = Resolve(null, style);
        }

        return look;
    }

    private DocxParagraphLook Resolve(ParagraphProperties? own, string style)
    {
        var chain = Chain(style);
        var spacings = new[] { own?.SpacingBetweenLines }
            .Concat(chain.Select(s => s.StyleParagraphProperties?.SpacingBetweenLines))
            .Append(defaultParagraph?.SpacingBetweenLines)
            .OfType<SpacingBetweenLines>()
            .ToList();
        var indents = new[] { own?.Indentation }
            .Concat(chain.Select(s => s.StyleParagraphProperties?.Indentation))
            .Append(defaultParagraph?.Indentation)
            .OfType<Indentation>()
            .ToList();
        var runs = chain.Select(s => s.StyleRunProperties).OfType<StyleRunProperties>().ToList();
        var size = runs.Select(r => r.FontSize?.Val?.Value).Append(defaultRun?.FontSize?.Val?.Value).FirstOrDefault(v => v is not null);
        var lineRule = spacings.Select(s => s.LineRule?.Value).FirstOrDefault(v => v is not null);
        var line = spacings.Select(s => s.Line?.Value).FirstOrDefault(v => v is not null);
        return new DocxParagraphLook(
            Size: HalfPoints(size) ?? 10,
            Bold: runs.Select(r => r.Bold).FirstOrDefault(b => b is not null) is { } bold && (bold.Val?.Value ?? true),
            Before: Twips(spacings.Select(s => s.Before?.Value).FirstOrDefault(v => v is not null)),
            After: Twips(spacings.Select(s => s.After?.Value).FirstOrDefault(v => v is not null)),
            Indent: Twips(indents.Select(i => i.Left?.Value).FirstOrDefault(v => v is not null)),
            LineFactor: (lineRule is null || lineRule == LineSpacingRuleValues.Auto) && line is not null ? Number(line) / 240 : 1,
            ExactLine: lineRule == LineSpacingRuleValues.Exact && line is not null ? Number(line) / 20 : null,
            KeepNext: own?.KeepNext is not null || chain.Any(s => s.StyleParagraphProperties?.KeepNext is not null));
    }

    /// <summary>The size, in points, and weight of <paramref name="run"/>'s text in a paragraph set as <paramref name="look"/>.</summary>
    public static (double Size, bool Bold) Text(DocxParagraphLook look, Run run)
    {
        var properties = run.RunProperties;
        var size = HalfPoints(properties?.FontSize?.Val?.Value) ?? look.Size;
        var bold = properties?.Bold is { } b ? b.Val?.Value ?? true : look.Bold;
        return (size, bold);
    }

    private List<Style> Chain(string id)
    {
        var chain = new List<Style>();
        for (var next = id; next is not null && styles.TryGetValue(next, out var style) && chain.Count < 10; next = style.BasedOn?.Val?.Value)
        {
            chain.Add(style);
        }

        return chain;
    }

    private static double? HalfPoints(string? value) => value is null ? null : Number(value) / 2;

    private static double Twips(string? value) => value is null ? 0 : Number(value) / 20;

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
