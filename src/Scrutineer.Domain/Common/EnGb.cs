using System.Globalization;

namespace Scrutineer.Domain.Common;

/// <summary>The one culture used wherever Scrutineer parses or formats text: en-GB.</summary>
public static class EnGb
{
    /// <summary>The en-GB culture (day/month/year dates, "£", comma thousands separators).</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A list as a sentence writes it: "A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> parts) =>
        parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}
