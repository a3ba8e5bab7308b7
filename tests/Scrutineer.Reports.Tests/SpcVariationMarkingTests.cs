using System.Text.RegularExpressions;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Reports.Tests;

/// <summary>SPC charts in the HTML and PDF mark special-cause points as Making Data Count does: colour, a shape of their own, words.</summary>
public sealed class SpcVariationMarkingTests
{
    private static readonly ReportChart Unmarked = new(ChartKind.Spc, "Burglary", "Burglary by month.", ["Apr 2023", "May 2023", "Jun 2023", "Jul 2023"],
    [
        new ChartSeries("Crimes", [410, 530, 300, 420]),
        new ChartSeries("Mean", [415, 415, 415, 415], Dashed: true),
        new ChartSeries("Upper process limit", [520, 520, 520, 520], Dashed: true),
        new ChartSeries("Lower process limit", [310, 310, 310, 310], Dashed: true),
    ]);

    private static readonly ReportChart Marked = Unmarked with
    {
        Variations =
        [
            new(SpcVariation.CommonCause, false),
            new(SpcVariation.Concern, true),
            new(SpcVariation.Improvement, false),
            new(SpcVariation.CommonCause, true),
        ],
    };

    [Fact]
    public void Svg_MarkedSpcChart_SpecialCausePointsInTheirColourShapeAndWords()
    {
        var svg = SvgChart.Render(Marked, "c1");

        Assert.Matches("<polygon points=\"[^\"]+\" fill=\"#f47738\" stroke=\"#0b0c0c\" stroke-width=\"1\" class=\"spc-concern\"><title>May 2023: 530; special cause variation: concern \\(high\\)</title></polygon>", svg);
        Assert.Matches("<polygon points=\"[^\"]+\" fill=\"#1d70b8\" stroke=\"#0b0c0c\" stroke-width=\"1\" class=\"spc-improvement\"><title>Jun 2023: 300; special cause variation: improvement \\(low\\)</title></polygon>", svg);
        Assert.Matches("<circle [^>]*fill=\"#505a5f\" class=\"spc-common\"><title>Apr 2023: 410</title></circle>", svg);
        Assert.Matches("<circle [^>]*class=\"spc-common\"><title>Jul 2023: 420</title></circle>", svg);
        Assert.DoesNotContain("spc-neither", svg, StringComparison.Ordinal);
        Assert.Contains(">Common cause</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Special cause: improvement</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Special cause: concern</text>", svg, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 640 318\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_SpcChartWithoutVariations_EveryPointAlike()
    {
        var svg = SvgChart.Render(Unmarked, "c1");

        Assert.DoesNotContain("<polygon", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"spc-", svg, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(svg, "<circle [^>]*fill=\"#1d4f91\"><title>").Count);
        Assert.Contains("viewBox=\"0 0 640 300\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_NeitherBetterNorWorse_PurpleSquare()
    {
        var chart = Unmarked with { Variations = [new(SpcVariation.CommonCause, false), new(SpcVariation.Neutral, true), new(SpcVariation.Neutral, false), new(SpcVariation.CommonCause, false)] };

        var svg = SvgChart.Render(chart, "c1");

        Assert.Matches("<rect [^>]*fill=\"#4c2c92\"[^>]*class=\"spc-neither\"><title>May 2023: 530; special cause variation: neither better nor worse \\(high\\)</title></rect>", svg);
        Assert.Matches("<rect [^>]*class=\"spc-neither\"><title>Jun 2023: 300; special cause variation: neither better nor worse \\(low\\)</title></rect>", svg);
        Assert.DoesNotContain("<polygon", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_MarkedSpcChart_DataTableNamesEachMonthsVariation()
    {
        var html = new HtmlReportRenderer().Render(new ReportDocument("SPC", Classification.Official, [new ReportHeading(1, "Burglary"), Marked]));

        var table = Regex.Match(html, "<table class=\"chart-data\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("<th scope=\"col\">Variation</th>", table, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">May 2023</th>(<td class=\"num\">[^<]*</td>){4}<td>Special cause variation: concern \\(high\\)</td></tr>", table);
        Assert.Matches("<th scope=\"row\">Jun 2023</th>(<td class=\"num\">[^<]*</td>){4}<td>Special cause variation: improvement \\(low\\)</td></tr>", table);
        Assert.Matches("<th scope=\"row\">Apr 2023</th>(<td class=\"num\">[^<]*</td>){4}<td>Common cause variation</td></tr>", table);
    }

    [Fact]
    public void Html_UnmarkedSpcChart_NoVariationColumn()
    {
        var html = new HtmlReportRenderer().Render(new ReportDocument("SPC", Classification.Official, [new ReportHeading(1, "Burglary"), Unmarked]));

        Assert.Contains("<table class=\"chart-data\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Variation</th>", html, StringComparison.Ordinal);
    }
}
