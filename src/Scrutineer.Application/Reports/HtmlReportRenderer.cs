using System.Globalization;
using System.Net;
using System.Text;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Writes a report as one standalone, accessible HTML page: real headings, tables with captions and header cells, every
/// chart an inline SVG with a text alternative and its data table beside it, and print rules (A4, classification at the
/// top and bottom of every page, "Page n of m", header rows repeated, each section on a new page) that the PDF uses.
/// </summary>
public sealed class HtmlReportRenderer : IReportRenderer
{
    /// <summary>
    /// The page's content security policy: no script, no request to anywhere, inline styles only. Every value is encoded
    /// as well; the policy makes sure that, should one ever slip through, nothing in the page can run.
    /// </summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'";

    public ReportFormat Format => ReportFormat.Html;

    public async Task RenderAsync(ReportDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(Render(document));
        await output.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>The page as a string.</summary>
    public string Render(ReportDocument document)
    {
        var html = new StringBuilder(64 * 1024);
        var marking = Esc(document.Marking);
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<meta name=\"classification\" content=\"{marking}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Esc(document.Title)}</title>\n<style>\n{Css(document.Marking, document.RunningTitle)}</style>\n</head>\n<body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"marking screen-only\" role=\"note\" aria-label=\"Classification\">{marking}</div>\n<main>\n");
        var state = new State(document);
        foreach (var block in document.Blocks)
        {
            Block(html, block, document, state, inCell: false);
        }

        html.Append(CultureInfo.InvariantCulture, $"</main>\n<div class=\"marking screen-only\" role=\"note\" aria-label=\"Classification\">{marking}</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Block(StringBuilder html, ReportBlock block, ReportDocument document, State state, bool inCell)
    {
        switch (block)
        {
            case ReportHeading h when inCell:
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"cell-heading\"><strong>{Text(h.Text)}</strong></p>\n");
                break;
            case ReportHeading h:
                var level = Math.Clamp(h.Level, 1, 3);
                var id = state.NextHeadingId();
                var cls = h.NewPage ? " class=\"new-page\"" : "";
                html.Append(CultureInfo.InvariantCulture, $"<h{level} id=\"{Esc(id)}\"{cls}>{Text(h.Text)}</h{level}>\n");
                break;
            case ReportParagraph p:
                html.Append(p.Style switch
                {
                    ParagraphStyle.Strong => $"<p><strong>{Text(p.Text)}</strong></p>\n",
                    ParagraphStyle.Notice => $"<p class=\"notice\">{Text(p.Text)}</p>\n",
                    ParagraphStyle.Title => $"<p class=\"title\" role=\"heading\" aria-level=\"1\">{Text(p.Text)}</p>\n",
                    ParagraphStyle.Small => $"<p class=\"small\">{Text(p.Text)}</p>\n",
                    ParagraphStyle.Normal => $"<p>{Text(p.Text)}</p>\n",
                });
                break;
            case ReportBulletList list:
                html.Append("<ul>");
                foreach (var item in list.Items)
                {
                    html.Append("<li>").Append(Text(item)).Append("</li>");
                }

                html.Append("</ul>\n");
                break;
            case ReportPageBreak:
                html.Append("<div class=\"page-break\"></div>\n");
                break;
            case ReportAnchor a:
                html.Append(CultureInfo.InvariantCulture, $"<span id=\"{Esc(a.Name)}\"></span>\n");
                break;
            case ReportTable t:
                Table(html, t, document, state);
                break;
            case ReportChart c:
                Chart(html, c, state);
                break;
            case ReportContents c:
                Contents(html, c, document, state);
                break;
            default:
                throw new NotSupportedException($"No HTML for {block.GetType().Name}.");
        }
    }

    private static void Table(StringBuilder html, ReportTable table, ReportDocument document, State state)
    {
        html.Append("<table");
        if (!table.ShowHeader)
        {
            html.Append(" class=\"key-value\"");
        }

        html.Append(CultureInfo.InvariantCulture, $">\n<caption>{Text(table.Caption)}</caption>\n");
        if (table.Widths is { } widths)
        {
            var sum = (double)widths.Sum();
            html.Append("<colgroup>");
            foreach (var w in widths)
            {
                html.Append(CultureInfo.InvariantCulture, $"<col style=\"width:{w / sum * 100:0.#}%\">");
            }

            html.Append("</colgroup>\n");
        }

        if (table.ShowHeader)
        {
            html.Append("<thead><tr>");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\"{Align(table, i)}>{Text(table.Columns[i])}</th>");
            }

            html.Append("</tr></thead>\n");
        }

        html.Append("<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append(row.IsTotal ? "<tr class=\"total\">" : "<tr>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var header = (table.RowHeaders || row.IsTotal) && i == 0;
                var tag = header ? "th" : "td";
                var scope = header ? " scope=\"row\"" : "";
                var label = !table.ShowHeader || header || i >= table.Columns.Count ? "" : $" data-label=\"{Esc(table.Columns[i])}\"";
                html.Append(CultureInfo.InvariantCulture, $"<{tag}{scope}{Align(table, i)}{label}>");
                var cell = row.Cells[i];
                if (cell.Content.Count == 1 && cell.Content[0] is ReportParagraph { Style: ParagraphStyle.Normal } only)
                {
                    html.Append(Text(only.Text));
                }
                else
                {
                    foreach (var inner in cell.Content)
                    {
                        Block(html, inner, document, state, inCell: true);
                    }
                }

                html.Append(CultureInfo.InvariantCulture, $"</{tag}>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Chart(StringBuilder html, ReportChart chart, State state)
    {
        var id = "chart-" + (++state.Charts).ToString(CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart-figure\" aria-labelledby=\"{id}-caption\">\n<figcaption id=\"{id}-caption\">{Text(chart.Title)}</figcaption>\n");
        html.Append("<div class=\"chart-row\"><div class=\"chart-svg\">").Append(SvgChart.Render(chart, id)).Append("</div>\n");
        if (chart.DataElsewhere is { } elsewhere)
        {
            html.Append(CultureInfo.InvariantCulture, $"</div>\n<p class=\"chart-data-elsewhere\">The figures behind this chart are in {Text(elsewhere)}.</p>\n</figure>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<table class=\"chart-data\">\n<caption>Data for the chart: {Text(chart.Title)}</caption>\n<thead><tr><th scope=\"col\">{(chart.Categories.Count > 0 && chart.Categories[0].Contains('/', StringComparison.Ordinal) ? "Year" : "Period")}</th>");
        foreach (var series in chart.Series)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"num\">{Text(series.Name)}</th>");
        }

        var variations = chart.Kind == ChartKind.Spc ? chart.Variations : null;
        html.Append(variations is null ? "" : "<th scope=\"col\">Variation</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\">{Text(chart.Categories[i])}</th>");
            foreach (var series in chart.Series)
            {
                var v = i < series.Values.Count ? series.Values[i] : null;
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(v is { } x ? SvgChart.Value(x) : "–")}</td>");
            }

            if (variations is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{(i < variations.Count ? Text(VariationIcon.Name(variations[i])) : "–")}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</figure>\n");
    }

    private static void Contents(StringBuilder html, ReportContents contents, ReportDocument document, State state)
    {
        html.Append("<nav aria-labelledby=\"contents-heading\" class=\"contents\">\n<h2 id=\"contents-heading\">Contents</h2>\n");
        if (contents.Entries.Count > 0)
        {
            var paged = contents.Pages.Count > 0;
            html.Append("<table>\n<caption>Sections of this report");
            html.Append(paged ? ", the pages they occupy" : "");
            html.Append(" and their bookmarks</caption>\n<thead><tr><th scope=\"col\">Section</th>");
            html.Append(paged ? "<th scope=\"col\">Pages</th>" : "");
            html.Append("<th scope=\"col\">Bookmark</th></tr></thead>\n<tbody>\n");
            foreach (var entry in contents.Entries)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{Esc(entry.Anchor)}\">{Text(entry.Label)}</a></td>");
                if (paged)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<td>{(contents.Pages.TryGetValue(entry.Anchor, out var range) ? range.ToString() : "")}</td>");
                }

                html.Append(CultureInfo.InvariantCulture, $"<td>{Esc(entry.Anchor)}</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }
        else
        {
            html.Append("<ol>\n");
            foreach (var (heading, id) in state.Headings.Where(h => h.Heading.Level <= 2))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li class=\"toc-{heading.Level}\"><a href=\"#{Esc(id)}\">{Text(heading.Text)}</a></li>\n");
            }

            html.Append("</ol>\n");
        }

        html.Append("</nav>\n");
    }

    private static string Align(ReportTable table, int column) => table.NumericColumns.Contains(column) ? " class=\"num\"" : "";

    private static string Text(string text) => Esc(text).Replace("\n", "<br>", StringComparison.Ordinal);

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

    private static string Css(string marking, string runningTitle)
    {
        var m = CssString(marking);
        var t = CssString(runningTitle);
        return $$"""
            @page { size: A4; margin: 22mm 16mm 22mm 16mm;
              @top-center { content: "{{m}}"; font: bold 10pt Arial, Helvetica, sans-serif; color: #000; white-space: nowrap; }
              @top-right { content: "{{t}}"; font: 8pt Arial, Helvetica, sans-serif; color: #444; }
              @bottom-center { content: "{{m}}"; font: bold 10pt Arial, Helvetica, sans-serif; color: #000; white-space: nowrap; }
              @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt Arial, Helvetica, sans-serif; }
            }
            html { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; }
            body { margin: 0 auto; max-width: 60rem; padding: 0 1rem; }
            h1 { font-size: 18pt; color: #1d3557; margin: 1.2em 0 .5em; }
            h2 { font-size: 14pt; color: #1d3557; margin: 1.1em 0 .4em; }
            h3 { font-size: 12pt; color: #1d3557; margin: 1em 0 .3em; }
            .new-page { break-before: page; }
            .page-break { break-after: page; }
            p.title { font-size: 20pt; font-weight: bold; color: #1d3557; margin: .4em 0; }
            p.small { font-size: 9pt; color: #333; }
            p.notice { border-left: 4px solid #b3541e; background: #fbf1ea; padding: .3em .6em; font-style: italic; }
            table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: 10pt; }
            caption { text-align: left; font-weight: bold; padding: .2em 0; caption-side: top; }
            th, td { border: 1px solid #555; padding: 4px 6px; vertical-align: top; text-align: left; }
            thead th { background: #1d3557; color: #fff; }
            thead { display: table-header-group; }
            tr { break-inside: auto; }
            tr.total th, tr.total td { font-weight: bold; background: #eef1f6; border-top: 2px solid #000; }
            .num { text-align: right; font-variant-numeric: tabular-nums; }
            table.key-value { width: auto; min-width: 60%; }
            table.key-value th { background: #eef1f6; width: 40%; }
            td p, th p { margin: 0 0 .4em; }
            td ul { margin: 0 0 .4em; padding-left: 1.2em; }
            .cell-heading { margin-top: .5em; }
            figure.chart-figure { margin: .8em 0 1.2em; break-inside: avoid; }
            figcaption { font-weight: bold; margin-bottom: .3em; }
            .chart-row { display: flex; gap: 1em; align-items: flex-start; }
            .chart-svg { flex: 3 1 0; min-width: 0; }
            table.chart-data { flex: 1 1 0; font-size: 7.5pt; margin: 0; width: auto; }
            table.chart-data th, table.chart-data td { padding: 1px 4px; }
            table.chart-data caption { font-size: 8pt; }
            nav.contents { break-inside: avoid; }
            nav.contents ol { list-style: none; padding-left: 0; }
            nav.contents li.toc-2 { padding-left: 1.5em; }
            .marking { text-align: center; font-weight: bold; letter-spacing: .05em; padding: .3em; }
            a { color: #1d4f91; }
            @media print { .screen-only { display: none; } body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
            @media screen and (max-width: 40rem) { .chart-row { flex-direction: column; } }

            """;
    }

    /// <summary>
    /// Text to go between double quotes in the style sheet: every character but letters, digits, spaces and <c>-.,:()/'</c>
    /// is written as a CSS escape (<c>\3C </c> for "&lt;"), so no value can end the string, the rule or the style element.
    /// </summary>
    private static string CssString(string text)
    {
        var css = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || (rune.IsAscii && " -.,:()/'".Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                css.Append(rune.ToString());
            }
            else
            {
                css.Append(CultureInfo.InvariantCulture, $"\\{rune.Value:X} ");
            }
        }

        return css.ToString();
    }

    private sealed class State(ReportDocument document)
    {
        private int next;

        public int Charts { get; set; }

        /// <summary>The top-level headings with their ids: the anchor, else "section-n".</summary>
        public IReadOnlyList<(ReportHeading Heading, string Id)> Headings { get; } = document.Blocks.OfType<ReportHeading>()
            .Select((h, i) => (h, h.Anchor ?? "section-" + (i + 1).ToString(CultureInfo.InvariantCulture)))
            .ToList();

        public string NextHeadingId() => Headings[next++].Id;
    }
}
