using System.Globalization;
using System.Text.RegularExpressions;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Delivery;

/// <summary>
/// Reads the overloaded "When" column of a 4P delivery plan: dates ("15/6/18", "23.02.18", "w/c 30th April 2018"),
/// months ("Sep-18", "End July 2018"), seasons ("Spring 2019"), frequencies ("Quarterly"), review milestones
/// ("1st review 15/6/18"), "Ongoing until Sept 2018", status words ("COMPLETED", "On-going", "Process under review")
/// and the duplicate note ("This is a duplicate of task no.11 …"). Two-digit years are 20xx. Never throws: text it
/// cannot read is kept as written with a note.
/// </summary>
public static partial class TaskDueParser
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Reads <paramref name="text"/> (null or blank gives <see cref="TaskDue.Blank"/>).</summary>
    public static DueReading Parse(string? text)
    {
        var raw = Collapse(text);
        if (raw.Length == 0)
        {
            return new DueReading(TaskDue.Blank, null, null, null);
        }

        var lower = raw.ToLowerInvariant();
        var duplicate = Duplicate().Match(raw);
        if (duplicate.Success)
        {
            var of = int.Parse(duplicate.Groups["n"].Value, CultureInfo.InvariantCulture);
            return new DueReading(Milestone(raw), null, of, $"says it duplicates task {of}");
        }

        if (lower.TrimEnd('.', '!') is "completed" or "complete" or "done")
        {
            return new DueReading(Milestone(raw), DeliveryTaskStatus.Complete, null, "read as complete");
        }

        var until = Until().Match(raw);
        if (until.Success && TryReadPeriodEnd(until.Groups["rest"].Value, out var untilDate, out _))
        {
            return new DueReading(new TaskDue(raw, DueKind.Until, untilDate, null), DeliveryTaskStatus.Ongoing, null,
                $"read as ongoing until {untilDate.ToString("d MMMM yyyy", EnGb.Culture)}");
        }

        if (OngoingWord().IsMatch(raw))
        {
            return new DueReading(Milestone(raw), DeliveryTaskStatus.Ongoing, null, "read as ongoing");
        }

        if (lower.StartsWith("effective immediate", StringComparison.Ordinal) || lower is "immediate" or "immediately")
        {
            return new DueReading(Milestone(raw), DeliveryTaskStatus.Ongoing, null, "read as started at once (ongoing)");
        }

        var frequency = Frequency().Match(raw);
        if (frequency.Success)
        {
            var word = EnGb.Culture.TextInfo.ToTitleCase(frequency.Value.ToLowerInvariant());
            return new DueReading(new TaskDue(raw, DueKind.Frequency, null, word), DeliveryTaskStatus.Ongoing, null,
                $"read as recurring ({word.ToLowerInvariant()}), ongoing");
        }

        if (lower.Contains("under review", StringComparison.Ordinal) || lower.Contains("in development", StringComparison.Ordinal)
            || lower.Contains("under development", StringComparison.Ordinal))
        {
            return new DueReading(Milestone(raw), DeliveryTaskStatus.Ongoing, null, "read as under review (ongoing), no due date");
        }

        var review = Review().Match(raw);
        if (review.Success && TryReadDay(review.Groups["date"].Value, out var reviewDate))
        {
            return new DueReading(new TaskDue(raw, DueKind.Review, reviewDate, null), null, null,
                $"read as a review on {reviewDate.ToString("d MMMM yyyy", EnGb.Culture)}; no status given");
        }

        if (TryReadDay(raw, out var day))
        {
            return new DueReading(new TaskDue(raw, DueKind.Date, day, null), null, null,
                $"read as due {day.ToString("d MMMM yyyy", EnGb.Culture)}");
        }

        if (TryReadPeriodEnd(raw, out var end, out var kind))
        {
            return new DueReading(new TaskDue(raw, kind, end, null), null, null,
                $"read as due by {end.ToString("d MMMM yyyy", EnGb.Culture)}");
        }

        return new DueReading(Milestone(raw), null, null, "not a date, frequency or status: kept as written");
    }

    private static TaskDue Milestone(string raw) => new(raw, DueKind.Milestone, null, null);

    private static string Collapse(string? text) => Whitespace().Replace(text ?? "", " ").Trim();

    /// <summary>A single day: d/m/yy, d.m.yy, d-m-yyyy, yyyy-mm-dd, "4th May 2018", "w/c 30th April 2018".</summary>
    private static bool TryReadDay(string text, out DateOnly date)
    {
        date = default;
        var t = WeekCommencing().Replace(text.Trim(), "");
        var numeric = NumericDate().Match(t);
        if (numeric.Success)
        {
            var d = int.Parse(numeric.Groups["d"].Value, CultureInfo.InvariantCulture);
            var m = int.Parse(numeric.Groups["m"].Value, CultureInfo.InvariantCulture);
            var y = Year(numeric.Groups["y"].Value);
            return TryDate(y, m, d, out date);
        }

        var iso = IsoDate().Match(t);
        if (iso.Success)
        {
            return TryDate(int.Parse(iso.Groups["y"].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups["m"].Value, CultureInfo.InvariantCulture),
                int.Parse(iso.Groups["d"].Value, CultureInfo.InvariantCulture), out date);
        }

        var words = WordDate().Match(t);
        if (words.Success && MonthNumber(words.Groups["m"].Value) is { } month)
        {
            var d = int.Parse(words.Groups["d"].Value, CultureInfo.InvariantCulture);
            return TryDate(Year(words.Groups["y"].Value), month, d, out date);
        }

        return false;
    }

    /// <summary>The last day of a month ("Sep-18", "End July 2018", "Sept 2018") or season ("Spring 2019").</summary>
    private static bool TryReadPeriodEnd(string text, out DateOnly end, out DueKind kind)
    {
        end = default;
        kind = DueKind.Month;
        var t = text.Trim().TrimEnd('.');
        var month = MonthYear().Match(t);
        if (month.Success && MonthNumber(month.Groups["m"].Value) is { } m)
        {
            var y = Year(month.Groups["y"].Value);
            if (y is < 1900 or > 2999)
            {
                return false;
            }

            end = new DateOnly(y, m, DateTime.DaysInMonth(y, m));
            return true;
        }

        var season = Season().Match(t);
        if (season.Success)
        {
            var y = Year(season.Groups["y"].Value);
            kind = DueKind.Season;
            end = season.Groups["s"].Value.ToLowerInvariant() switch
            {
                "spring" => new DateOnly(y, 5, 31),
                "summer" => new DateOnly(y, 8, 31),
                "autumn" or "fall" => new DateOnly(y, 11, 30),
                _ => new DateOnly(y + 1, 2, DateTime.DaysInMonth(y + 1, 2)),
            };
            return true;
        }

        return false;
    }

    private static int? MonthNumber(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        if (key.Length < 3)
        {
            return null;
        }

        var index = Array.IndexOf(MonthNames, key[..3]);
        var full = index < 0 ? null : new DateOnly(2000, index + 1, 1).ToString("MMMM", EnGb.Culture).ToLowerInvariant();
        return full is not null && (full.StartsWith(key, StringComparison.Ordinal) || key == "sept") ? index + 1 : null;
    }

    private static int Year(string text)
    {
        var y = int.Parse(text, CultureInfo.InvariantCulture);
        return y < 100 ? 2000 + y : y;
    }

    private static bool TryDate(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y is < 1900 or > 2999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"duplicate\s+of\s+(?:task|action)?\s*(?:no\.?|number|#)?\s*\(?(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"^(?:on-?\s?going\s+)?until\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Until();

    [GeneratedRegex(@"^on-?\s?going\b(?!\s+until)", RegexOptions.IgnoreCase)]
    private static partial Regex OngoingWord();

    [GeneratedRegex(@"^(?:weekly|fortnightly|monthly|bi-?monthly|quarterly|annually|yearly|bi-?weekly|\d+-weekly|six-weekly|daily)$", RegexOptions.IgnoreCase)]
    private static partial Regex Frequency();

    [GeneratedRegex(@"^(?:\d+(?:st|nd|rd|th)\s+)?review\s*(?:on|date|:)?\s*(?<date>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Review();

    [GeneratedRegex(@"^w/?c\s+", RegexOptions.IgnoreCase)]
    private static partial Regex WeekCommencing();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s*[/.\-]\s*(?<m>\d{1,2})\s*[/.\-]\s*(?<y>\d{2}|\d{4})$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<m>[A-Za-z]+)\.?,?\s+(?<y>\d{4}|\d{2})$")]
    private static partial Regex WordDate();

    [GeneratedRegex(@"^(?:(?:by\s+)?(?:the\s+)?end(?:\s+of)?\s+)?(?<m>[A-Za-z]{3,9})\.?[\s\-/']+(?<y>\d{4}|\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"^(?<s>spring|summer|autumn|fall|winter)\s+(?<y>\d{4}|\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Season();
}
