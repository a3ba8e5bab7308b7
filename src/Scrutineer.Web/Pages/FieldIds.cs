namespace Scrutineer.Web.Pages;

/// <summary>The id of a form field from its model-state key ("Input.Comment" → "input-comment"), for error links.</summary>
public static class FieldIds
{
    public static string For(string key) => key.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal).ToLowerInvariant();
}
