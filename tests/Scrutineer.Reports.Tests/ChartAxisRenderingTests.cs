using System.Text.RegularExpressions;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Reports;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Scrutineer.Reports.Tests;

/// <summary>SPC charts' value axes fit the data in Word and in the HTML and PDF alike, instead of starting at zero.</summary>
public sealed partial class ChartAxisRenderingTests
{
    private static readonly ReportChart Spc = new(ChartKind.Spc, "Burglary", "Burglary by month, between 410 and 430.", ["Apr 2023", "May 2023", "Jun 2023"],
    [
        new ChartSeries("Crimes", [410, 430, 420]),
        new ChartSeries("Mean", [420, 420, 420], Dashed: true),
        new ChartSeries("Upper process limit", [470, 470, 470], Dashed: true),
        new ChartSeries("Lower process limit", [370, 370, 370], Dashed: true),
    ]);

    [Fact]
    public async Task Docx_SpcChart_ValueAxisFromTheDataNotZero()
    {
        var document = new ReportDocument("Axes", Domain.Documents.Classification.Official, [new ReportHeading(1, "Burglary"), Spc]);
        using var output = new MemoryStream();
        await new DocxReportRenderer().RenderAsync(document, output);

        using var word = Docx.Open(output.ToArray());
        Docx.AssertValid(word);
        var axis = word.MainDocumentPart!.ChartParts.Single().ChartSpace.Descendants<C.ValueAxis>().Single();
        Assert.Equal(350, axis.Scaling!.GetFirstChild<C.MinAxisValue>()!.Val!.Value);
        Assert.Equal(475, axis.Scaling!.GetFirstChild<C.MaxAxisValue>()!.Val!.Value);
        Assert.Equal(25, axis.GetFirstChild<C.MajorUnit>()!.Val!.Value);
    }

    [Fact]
    public void Svg_SpcChart_TicksFromTheDataNotZero()
    {
        var svg = SvgChart.Render(Spc, "c1");

        var ticks = TickLabel().Matches(svg).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["350", "375", "400", "425", "450", "475"], ticks);
    }

    [GeneratedRegex("<text x=\"50\" y=\"[0-9.]+\" text-anchor=\"end\">([^<]+)</text>")]
    private static partial Regex TickLabel();
}
