using System.Globalization;

namespace Scrutineer.Domain.Common;

/// <summary>The one culture used wherever Scrutineer parses or formats text: en-GB.</summary>
public static class EnGb
{
    /// <summary>The en-GB culture (day/month/year dates, "£", comma thousands separators).</summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");
}
