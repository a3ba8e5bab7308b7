using System.Globalization;
using System.Text.RegularExpressions;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// Period labels against the months they name: "Q2 (July–September 2023)" must be the financial quarter's months
/// (Q1 April–June … Q4 January–March); "the three-month period July–Sept 2023" and "the preceding 3 months
/// (01/04/23 – 30/06/23)" must span the stated number of months; "Data for 12 months to end of June 2021" must end in the
/// same month as the "12 Month ending …" column headers that follow; and, when the text belongs to a reporting period,
/// "this quarter (…)" and "Data to: End …" must name that period's months.
/// </summary>
internal static partial class PeriodClaims
{
    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    public static IEnumerable<(int Start, int Length, string Implied)> Find(string text, FinancialQuarter? period)
    {
        foreach (Match m in QuarterMonths().Matches(text))
        {
            var q = int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture);
            var first = MonthNumber(m.Groups["m1"].Value);
            var last = MonthNumber(m.Groups["m2"].Value);
            var expectedFirst = ((((q - 1) * 3) + 3) % 12) + 1;
            var expectedLast = expectedFirst + 2;
            if (first != expectedFirst || last != expectedLast)
            {
                yield return (m.Index, m.Length, $"Q{q} of the financial year is {Name(expectedFirst)}–{Name(expectedLast)}, not {Name(first)}–{Name(last)}");
            }
        }

        foreach (Match m in SpanMonths().Matches(text))
        {
            var stated = Count(m.Groups["n"].Value);
            var span = ((MonthNumber(m.Groups["m2"].Value) - MonthNumber(m.Groups["m1"].Value) + 12) % 12) + 1;
            if (stated is { } n && n != span)
            {
                yield return (m.Index, m.Length, $"{Name(MonthNumber(m.Groups["m1"].Value))} to {Name(MonthNumber(m.Groups["m2"].Value))} is {span} months, not {n}");
            }
        }

        foreach (Match m in SpanDates().Matches(text))
        {
            var stated = Count(m.Groups["n"].Value);
            if (stated is not { } n || Date(m.Groups["d1"].Value) is not { } from || Date(m.Groups["d2"].Value) is not { } to || to < from)
            {
                continue;
            }

            var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
            var whole = from.Day == 1 && to.Day == DateTime.DaysInMonth(to.Year, to.Month);
            if (whole && months != n)
            {
                yield return (m.Index, m.Length, $"{from:dd/MM/yy} to {to:dd/MM/yy} is {months} months, not {n}");
            }
        }

        var windows = WindowEnd().Matches(text).Cast<Match>().ToList();
        var headers = HeaderEnd().Matches(text).Cast<Match>().ToList();
        foreach (var window in windows)
        {
            var end = (MonthNumber(window.Groups["m"].Value), Year(window.Groups["y"].Value));
            var next = windows.FirstOrDefault(w => w.Index > window.Index)?.Index ?? text.Length;
            var following = headers.Where(h => h.Index > window.Index && h.Index < next).ToList();
            if (following.Count == 0)
            {
                continue;
            }

            var latest = following.Select(h => (Month: MonthNumber(h.Groups["m"].Value), Year: Year(h.Groups["y"].Value)))
                .OrderByDescending(h => (h.Year * 12) + h.Month).First();
            if (latest != end)
            {
                yield return (window.Index, window.Length, $"the table's latest column is the 12 months ending {Name(latest.Month)} {latest.Year}, not {Name(end.Item1)} {end.Item2}");
            }
        }

        if (period is not { } p)
        {
            yield break;
        }

        foreach (Match m in ThisQuarter().Matches(text))
        {
            var first = MonthNumber(m.Groups["m1"].Value);
            var last = MonthNumber(m.Groups["m2"].Value);
            if (first != p.FirstMonth.Month || last != p.LastMonth.Month)
            {
                yield return (m.Index, m.Length, $"this report's quarter, {p}, is {p.MonthsLabel}");
            }
        }

        foreach (Match m in DataTo().Matches(text))
        {
            var month = MonthNumber(m.Groups["m"].Value);
            var year = Year(m.Groups["y"].Value);
            if (month != p.LastMonth.Month || year != p.LastMonth.Year)
            {
                yield return (m.Index, m.Length, $"data for {p} runs to the end of {p.LastMonth.LongLabel}");
            }
        }
    }

    private static int MonthNumber(string text)
    {
        var key = text.Trim().TrimEnd('.').ToLowerInvariant()[..3];
        return Array.IndexOf(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], key) + 1;
    }

    private static string Name(int month) => CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.GetMonthName(month);

    private static int Year(string text)
    {
        var y = int.Parse(text, CultureInfo.InvariantCulture);
        return y < 100 ? 2000 + y : y;
    }

    private static int? Count(string text) => text.ToLowerInvariant() switch
    {
        "one" or "1" => 1,
        "two" or "2" => 2,
        "three" or "3" => 3,
        "four" or "4" => 4,
        "six" or "6" => 6,
        "nine" or "9" => 9,
        "twelve" or "12" => 12,
        _ => null,
    };

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text, ["dd/MM/yy", "d/M/yy", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var date) ? date : null;

    [GeneratedRegex(@"\bQ(?<q>[1-4])\b(?:\s+\d{4}/\d{2})?\s*[(:,–-]?\s*\(?\s*(?<m1>" + Month + @")\s*(?:[-–—]|to)\s*(?<m2>" + Month + @")(?=\W)", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterMonths();

    [GeneratedRegex(@"\b(?<n>one|two|three|four|six|nine|twelve|\d{1,2})[\s-]+months?(?:[\s-]+period)?\s*(?:of|from|between|covering)?\s*\(?\s*(?<m1>" + Month + @")(?:\s+\d{4})?\s*(?:[-–—]|to|and)\s*(?<m2>" + Month + @")(?=\W)", RegexOptions.IgnoreCase)]
    private static partial Regex SpanMonths();

    [GeneratedRegex(@"\b(?<n>one|two|three|four|six|nine|twelve|\d{1,2})[\s-]+months?\b[^()\n]{0,40}\(\s*(?<d1>\d{1,2}/\d{1,2}/\d{2,4})\s*[-–—]\s*(?<d2>\d{1,2}/\d{1,2}/\d{2,4})\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex SpanDates();

    [GeneratedRegex(@"\b12\s+months\s+to\s+(?:the\s+)?end\s+of\s+(?<m>" + Month + @")\s+(?<y>\d{4}|\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex WindowEnd();

    [GeneratedRegex(@"\b12\s+months?\s+ending\s+(?<m>" + Month + @")\s+(?<y>\d{4}|\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderEnd();

    [GeneratedRegex(@"\b(?:this|the\s+current|the\s+reporting)\s+quarter\s*\(\s*(?<m1>" + Month + @")(?:\s+\d{4})?\s*(?:[-–—]|to)\s*(?<m2>" + Month + @")(?=\W)", RegexOptions.IgnoreCase)]
    private static partial Regex ThisQuarter();

    [GeneratedRegex(@"\bData\s+to:?\s+(?:the\s+)?end\s+(?:of\s+)?(?<m>" + Month + @")\s+(?<y>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex DataTo();
}
