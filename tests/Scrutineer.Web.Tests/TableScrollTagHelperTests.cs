using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Scrutineer.Web.Pages;

namespace Scrutineer.Web.Tests;

/// <summary>
/// Every GOV.UK table is wrapped in a sideways-scrolling region named by its caption (reflow at 320 px); a table
/// without a caption is refused.
/// </summary>
public sealed class TableScrollTagHelperTests
{
    [Fact]
    public async Task Table_WrappedInAFocusableRegionLabelledByItsCaption_NumberedPerRequest()
    {
        var request = new DefaultHttpContext();

        var (first, firstCaption) = await RenderAsync(request, caption: true);
        var (second, secondCaption) = await RenderAsync(request, caption: true);

        Assert.Equal("app-table-caption-1", firstCaption!.Attributes["id"].Value);
        Assert.Equal("<div class=\"app-table-scroll\" role=\"region\" aria-labelledby=\"app-table-caption-1\" tabindex=\"0\">", first.PreElement.GetContent());
        Assert.Equal("</div>", first.PostElement.GetContent());
        Assert.Equal("app-table-caption-2", secondCaption!.Attributes["id"].Value);
        Assert.Contains("aria-labelledby=\"app-table-caption-2\"", second.PreElement.GetContent(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaptionWithAnId_KeepsIt_AndNamesTheRegion()
    {
        var (table, caption) = await RenderAsync(new DefaultHttpContext(), caption: true, captionId: "rounds-caption");

        Assert.Equal("rounds-caption", caption!.Attributes["id"].Value);
        Assert.Contains("aria-labelledby=\"rounds-caption\"", table.PreElement.GetContent(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableWithoutCaption_Refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RenderAsync(new DefaultHttpContext(), caption: false));

        Assert.Contains("no <caption>", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Runs the table's tag helper, and the caption's as its child (with a copy of the table's items, as Razor does).</summary>
    private static async Task<(TagHelperOutput Table, TagHelperOutput? Caption)> RenderAsync(HttpContext request, bool caption, string? captionId = null)
    {
        var tableContext = new TagHelperContext("table", [], new Dictionary<object, object>(), "table");
        TagHelperOutput? captionOutput = null;
        var tableOutput = new TagHelperOutput("table", new TagHelperAttributeList { { "class", "govuk-table" } }, (_, _) =>
        {
            if (caption)
            {
                var attributes = captionId is null ? new TagHelperAttributeList() : new TagHelperAttributeList { { "id", captionId } };
                var captionContext = new TagHelperContext("caption", attributes, new Dictionary<object, object>(tableContext.Items), "caption");
                captionOutput = new TagHelperOutput("caption", attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
                new TableCaptionTagHelper().Process(captionContext, captionOutput);
            }

            return Task.FromResult<TagHelperContent>(new DefaultTagHelperContent());
        });

        await new TableScrollTagHelper { ViewContext = new ViewContext { HttpContext = request } }.ProcessAsync(tableContext, tableOutput);
        return (tableOutput, captionOutput);
    }
}
