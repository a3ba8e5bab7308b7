using System.CommandLine;
using System.Globalization;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Cli;

/// <summary>Options several commands share, and parsing that turns bad values into clear messages.</summary>
public static class CliOptions
{
    public static Option<string> Period(bool required, string description = "The reporting period, a financial quarter: 'Q2 2023/24', '2023/24 Q2' or '2023/24-Q2'.") =>
        new("--period") { Description = description, Required = required };

    public static Option<string?> Plan() => new("--plan") { Description = "The plan's title (default: the plan covering the period, or the latest plan)." };

    /// <exception cref="CliException">The text is not a financial quarter; says why.</exception>
    public static FinancialQuarter ParsePeriod(string text) =>
        FinancialQuarter.TryParse(text, out var period, out var error) ? period : throw new CliException(error);

    /// <exception cref="CliException">The text is not a date written as YYYY-MM-DD or DD/MM/YYYY.</exception>
    public static DateOnly ParseDate(string text, string option)
    {
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], EnGb.Culture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new CliException($"{option}: '{text}' is not a date: expected YYYY-MM-DD (for example 2024-04-19) or DD/MM/YYYY.");
    }

    /// <exception cref="CliException">The text is not one of the enum's names.</exception>
    public static T ParseEnum<T>(string text, string option)
        where T : struct, Enum
    {
        var normalised = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse<T>(normalised, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new CliException($"{option}: '{text}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(Kebab))}.");
    }

    /// <summary>"OnTrack" → "on-track".</summary>
    public static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>"OnTrack" → "on track", for tables.</summary>
    public static string Words<T>(T value)
        where T : struct, Enum => Kebab(value.ToString()).Replace('-', ' ');

    /// <summary>As <see cref="Words{T}(T)"/>; "not chosen" for a value not chosen yet (a draft's delivery status).</summary>
    public static string Words<T>(T? value)
        where T : struct, Enum => value is { } v ? Words(v) : "not chosen";

    /// <summary>As <see cref="Kebab(string)"/> for an enumeration's value; "none" for a value not chosen yet.</summary>
    public static string Kebab<T>(T? value)
        where T : struct, Enum => value is { } v ? Kebab(v.ToString()) : "none";
}
