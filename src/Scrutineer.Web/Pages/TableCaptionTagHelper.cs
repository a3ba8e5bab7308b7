using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Scrutineer.Web.Pages;

/// <summary>
/// Gives the caption of a GOV.UK table the id that names the table's scroll container (<see cref="TableScrollTagHelper"/>);
/// a caption that has an id already keeps it.
/// </summary>
[HtmlTargetElement("caption")]
public sealed class TableCaptionTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (context.Items.TryGetValue(typeof(TableScrollTagHelper.Caption), out var item) && item is TableScrollTagHelper.Caption caption)
        {
            if (output.Attributes.TryGetAttribute("id", out var id) && id.Value?.ToString() is { Length: > 0 } existing)
            {
                caption.Id = existing;
            }
            else
            {
                output.Attributes.SetAttribute("id", caption.Id);
            }

            caption.Found = true;
        }
    }
}
