using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Scrutineer.Application.Reports;

/// <summary>The styles and bullet numbering of the Word reports: Normal, Title, Heading 1–3, TOC, caption, notice, table.</summary>
internal static class DocxStyles
{
    /// <summary>The numbering instance of bulleted lists.</summary>
    public const int BulletNumbering = 1;

    public static void Add(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" }, new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            Paragraph("Normal", "Normal", null, isDefault: true),
            Paragraph("Title", "Title", null, run: [new Bold(), new Color { Val = "1D3557" }, new FontSize { Val = "40" }], spacingAfter: "240"),
            Heading(1, "32"),
            Heading(2, "26"),
            Heading(3, "23"),
            Paragraph("TOCHeading", "TOC Heading", null, run: [new Bold(), new Color { Val = "1D3557" }, new FontSize { Val = "32" }], spacingAfter: "240"),
            Paragraph("TOC1", "toc 1", 0),
            Paragraph("TOC2", "toc 2", 0, indent: "220"),
            Paragraph("Caption", "caption", null, run: [new Bold(), new FontSize { Val = "18" }], keepNext: true),
            Paragraph("Notice", "Notice", null, run: [new Italic(), new Color { Val = "8A3A12" }]),
            Paragraph("ListBullet", "List Bullet", null, indent: "360"),
            new Style(
                new StyleName { Val = "Hyperlink" },
                new UIPriority { Val = 99 },
                new StyleRunProperties(new Color { Val = "1D4F91" }, new Underline { Val = UnderlineValues.Single }))
            {
                Type = StyleValues.Character,
                StyleId = "Hyperlink",
            },
            new Style(
                new StyleName { Val = "Report Table" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "555555" },
                        new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "555555" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "555555" },
                        new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "555555" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "555555" },
                        new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "555555" }),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
            {
                Type = StyleValues.Table,
                StyleId = "ReportTable",
            });
        styles.Styles.Save();

        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new Level(
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new LevelText { Val = "•" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "240" }))
                {
                    LevelIndex = 0,
                })
            {
                AbstractNumberId = 1,
            },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumbering });
        numbering.Numbering.Save();
    }

    private static Style Heading(int level, string size)
    {
        var id = "Heading" + level.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Style(
            new StyleName { Val = "heading " + level.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = 9 },
            new PrimaryStyle(),
            new StyleParagraphProperties(
                new KeepNext(),
                new KeepLines(),
                new SpacingBetweenLines { Before = level == 1 ? "240" : "200", After = "120" },
                new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new Color { Val = "1D3557" }, new FontSize { Val = size }, new FontSizeComplexScript { Val = size }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }

    private static Style Paragraph(
        string id,
        string name,
        int? uiPriority,
        bool isDefault = false,
        DocumentFormat.OpenXml.OpenXmlElement[]? run = null,
        string? spacingAfter = null,
        string? indent = null,
        bool keepNext = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }
        else
        {
            style.Append(new BasedOn { Val = "Normal" });
        }

        if (uiPriority is { } priority)
        {
            style.Append(new UIPriority { Val = priority });
        }

        if (!isDefault && id is "Title" or "Caption" or "ListBullet")
        {
            style.Append(new PrimaryStyle());
        }

        var paragraph = new StyleParagraphProperties();
        if (keepNext)
        {
            paragraph.Append(new KeepNext());
        }

        if (spacingAfter is not null)
        {
            paragraph.Append(new SpacingBetweenLines { After = spacingAfter });
        }

        if (indent is not null)
        {
            paragraph.Append(new Indentation { Left = indent });
        }

        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        if (run is { Length: > 0 })
        {
            style.Append(new StyleRunProperties(run));
        }

        return style;
    }
}
