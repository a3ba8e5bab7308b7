using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scrutineer.Web.Pages;

/// <summary>
/// Puts every GOV.UK table in a container that scrolls sideways on its own, so a table wider than the screen (at
/// 320 px, or 400% zoom) never makes the page scroll (WCAG 2.2 SC 1.4.10 Reflow): <c>&lt;div class="app-table-scroll"
/// role="region" aria-labelledby="(the caption)" tabindex="0"&gt;</c>. The container is named by the table's caption
/// (<see cref="TableCaptionTagHelper"/> gives the caption its id) and focusable so it can be scrolled from the keyboard;
/// <c>Static/table-scroll.js</c> takes it out of the tab order while the table fits. A table without a caption is refused.
/// </summary>
[HtmlTargetElement("table", Attributes = "[class^=govuk-table]")]
public sealed class TableScrollTagHelper : TagHelper
{
    private const string CounterKey = "app-table-scroll-count";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var items = ViewContext.HttpContext.Items;
        var number = items[CounterKey] is int n ? n + 1 : 1;
        items[CounterKey] = number;
        var caption = new Caption($"app-table-caption-{number}");
        context.Items[typeof(Caption)] = caption;

        await output.GetChildContentAsync();
        if (!caption.Found)
        {
            throw new InvalidOperationException($"A govuk-table on {ViewContext.HttpContext.Request.Path} has no <caption>: the caption names the table and its scroll container.");
        }

        output.PreElement.AppendHtml($"<div class=\"app-table-scroll\" role=\"region\" aria-labelledby=\"{caption.Id}\" tabindex=\"0\">");
        output.PostElement.AppendHtml("</div>");
    }

    /// <summary>The caption of the table being written: the id it is given, and whether it was found.</summary>
    internal sealed class Caption(string id)
    {
        public string Id { get; set; } = id;

        public bool Found { get; set; }
    }
}
