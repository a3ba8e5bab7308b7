using System.Globalization;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The cover details of one strategy scrutiny report, set when it is generated (they are not stored): the agenda number
/// and the date of the meeting it goes to, its version number, the date it was written and the date it was approved.
/// A detail left out prints its default: "To be confirmed" for the agenda number and meeting, the plan's version
/// number, today (Europe/London) for the date written, and "Awaiting approval" for the approval.
/// </summary>
/// <param name="Agenda">"6.0"; null for "To be confirmed".</param>
/// <param name="Meeting">The date of the meeting; null for "To be confirmed".</param>
/// <param name="Version">"V1"; null for the plan's version number.</param>
/// <param name="Written">The date the paper was written; null for today.</param>
/// <param name="Approved">The date the paper was approved; null for "Awaiting approval".</param>
public sealed record StrategyReportCover(string? Agenda, DateOnly? Meeting, string? Version, DateOnly? Written, DateOnly? Approved)
{
    /// <summary>The longest agenda number or version number taken.</summary>
    public const int MaxTextLength = 40;

    /// <summary>No detail set: every one prints its default.</summary>
    public static StrategyReportCover None { get; } = new(null, null, null, null, null);

    /// <summary>
    /// Reads the cover details as typed (on the command line or the web form): dates as DD/MM/YYYY or YYYY-MM-DD, blank
    /// for the default.
    /// </summary>
    /// <exception cref="DomainException">A date is not a real date, a text is too long, or the paper is approved before it was written; says which detail and what to type.</exception>
    public static StrategyReportCover Parse(string? agenda, string? meeting, string? version, string? written, string? approved)
    {
        var cover = new StrategyReportCover(
            Text(agenda, "Agenda number"),
            Date(meeting, "Date of meeting"),
            Text(version, "Version number"),
            Date(written, "Date paper was written"),
            Date(approved, "Date of approval"));
        if (cover is { Written: { } w, Approved: { } a } && a < w)
        {
            throw new DomainException($"Date of approval must be the same as or after the date the paper was written ({Print(w)})");
        }

        return cover;
    }

    /// <summary>A date as the cover prints it: "07/12/2023".</summary>
    public static string Print(DateOnly date) => date.ToString("dd/MM/yyyy", EnGb.Culture);

    private static string? Text(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length > MaxTextLength
            ? throw new DomainException($"{field} must be {MaxTextLength} characters or fewer")
            : trimmed;
    }

    private static DateOnly? Date(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], EnGb.Culture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100
            ? date
            : throw new DomainException($"{field} must be a real date, such as 27/03/2024");
    }
}
