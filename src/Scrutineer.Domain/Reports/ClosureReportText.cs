using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;

namespace Scrutineer.Domain.Reports;

/// <summary>
/// The text an analyst writes for a plan's closure report: a foreword, which replaces the foreword generated from the
/// figures, and an executive summary, which precedes the summary generated from the figures (so the figures are always
/// summarised). Both are OFFICIAL text: a marking typed into either is refused (<see cref="MarkingInText"/>).
/// Paragraphs are separated by blank lines.
/// </summary>
public sealed class ClosureReportText
{
    /// <summary>Longest foreword or summary, in characters.</summary>
    public const int MaxLength = 20_000;

    private ClosureReportText()
    {
        Foreword = "";
        Summary = "";
        UpdatedBy = "";
    }

    /// <summary>Creates the (empty) text of the plan with key <paramref name="planId"/>.</summary>
    public ClosureReportText(int planId)
        : this()
    {
        PlanId = planId;
    }

    /// <summary>Store key.</summary>
    public int Id { get; private set; }

    /// <summary>The plan's key: one text per plan.</summary>
    public int PlanId { get; private set; }

    /// <summary>The analyst's foreword; empty for the generated one.</summary>
    public string Foreword { get; private set; }

    /// <summary>The analyst's executive summary; empty for the generated summary alone.</summary>
    public string Summary { get; private set; }

    /// <summary>When the text was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Who last changed the text.</summary>
    public string UpdatedBy { get; private set; }

    /// <summary>Sets the foreword (null leaves it as it is; empty clears it); <paramref name="field"/> names it in a refusal.</summary>
    /// <exception cref="DomainException">The text carries a marking or is longer than <see cref="MaxLength"/>.</exception>
    public void SetForeword(string? text, string by, DateTimeOffset at, string field = "The foreword")
    {
        if (text is not null)
        {
            Foreword = Checked(text, field);
            Touch(by, at);
        }
    }

    /// <summary>Sets the executive summary (null leaves it as it is; empty clears it); <paramref name="field"/> names it in a refusal.</summary>
    /// <exception cref="DomainException">The text carries a marking or is longer than <see cref="MaxLength"/>.</exception>
    public void SetSummary(string? text, string by, DateTimeOffset at, string field = "The executive summary")
    {
        if (text is not null)
        {
            Summary = Checked(text, field);
            Touch(by, at);
        }
    }

    /// <summary>The paragraphs of <paramref name="text"/>: separated by blank lines, each with its line breaks joined by spaces.</summary>
    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(p => p.Length > 0)
            .ToList();

    private static string Checked(string text, string field)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (text.Length > MaxLength)
        {
            throw new DomainException($"{field} is {Figures.Count(text.Length)} characters long. Shorten it to {Figures.Count(MaxLength)} characters or fewer.");
        }

        MarkingInText.RefuseIn(text, field);
        return text;
    }

    private void Touch(string by, DateTimeOffset at)
    {
        UpdatedBy = (by ?? "").Trim() is { Length: > 0 and <= 200 } name ? name : throw new DomainException("Say who is changing the closure report's text (1 to 200 characters).");
        UpdatedAt = at;
    }
}
