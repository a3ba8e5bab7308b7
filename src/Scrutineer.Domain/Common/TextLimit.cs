namespace Scrutineer.Domain.Common;

/// <summary>The one wording for text longer than a field holds, as GOV.UK words it: "The comment must be 4,000 characters or less".</summary>
public static class TextLimit
{
    /// <summary>The message when <paramref name="text"/> (trimmed) is longer than <paramref name="max"/>; null when it fits.</summary>
    /// <param name="text">The text as typed.</param>
    /// <param name="max">The most characters the field holds.</param>
    /// <param name="what">The field, as the sentence starts: "The comment", "The risk".</param>
    public static string? Exceeded(string? text, int max, string what) =>
        text is { } t && t.Trim().Length > max ? $"{what} must be {Figures.Count(max)} characters or less" : null;
}
