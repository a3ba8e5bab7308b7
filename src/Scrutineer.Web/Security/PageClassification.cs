using Scrutineer.Domain.Documents;

namespace Scrutineer.Web.Security;

/// <summary>
/// The highest classification a response shows. Whatever writes OFFICIAL-SENSITIVE text into a page or an API
/// response raises it (the sensitive commentary partial does so as it renders), and the layout prints it at the top
/// and bottom of the page after the body has been rendered, so a page cannot show sensitive text under an OFFICIAL
/// marking. API responses carry it in the <see cref="Header"/> header and in their <c>classification</c> field.
/// </summary>
public static class PageClassification
{
    /// <summary>The response header naming the classification of an API response.</summary>
    public const string Header = "X-Classification";

    private const string Key = "scrutineer:classification";

    /// <summary>Notes that the response shows text of <paramref name="classification"/>.</summary>
    public static void Raise(HttpContext context, Classification classification)
    {
        if (classification > Of(context))
        {
            context.Items[Key] = classification;
        }
    }

    /// <summary>The highest classification shown so far (OFFICIAL when nothing was raised).</summary>
    public static Classification Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is Classification c ? c : Classification.Official;
}
