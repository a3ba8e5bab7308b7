using Scrutineer.Domain.Delivery;

namespace Scrutineer.Application.Delivery;

/// <summary>A task row (or rows) as read from a plan sheet, before it meets the store.</summary>
internal sealed class RawTask
{
    public required string File { get; init; }

    public required string Sheet { get; init; }

    public required int Row { get; init; }

    public int LastRow { get; set; }

    public string? StrandName { get; set; }

    public required string PlanTitle { get; set; }

    public FourPStage Stage { get; set; }

    public string NumberText { get; set; } = "";

    public int Number { get; set; }

    public string Text { get; set; } = "";

    public string How { get; set; } = "";

    public string Who { get; set; } = "";

    public string When { get; set; } = "";

    public string Status { get; set; } = "";

    public string Risk { get; set; } = "";

    public string Mitigation { get; set; } = "";

    public string Commitments { get; set; } = "";

    public string Quarter { get; set; } = "";

    public string Achieved { get; set; } = "";

    public string Scheduled { get; set; } = "";

    /// <summary>The OFFICIAL-SENSITIVE note; null when the sheet has no sensitive-notes column (the stored note is then kept).</summary>
    public string? SensitiveNote { get; set; }

    public bool HasDetail => How.Length > 0 || Who.Length > 0 || When.Length > 0 || NumberText.Length > 0;

    public int FilledCells => new[] { How, Who, When, Status }.Count(s => s.Length > 0);

    public string Label => $"{Stage.ToString().ToUpperInvariant()} {(Number > 0 ? Number : NumberText)}".TrimEnd();
}

/// <summary>A plan as read from one sheet (or the rows of one plan in a flat CSV).</summary>
internal sealed class RawPlan
{
    public required string File { get; init; }

    public required string Sheet { get; init; }

    public required string Title { get; init; }

    public string? StrandName { get; init; }

    public List<RawTask> Tasks { get; } = [];

    public int FilledCells => Tasks.Sum(t => t.FilledCells);
}

/// <summary>Leads read from a "Strand Leads &amp; Review Dates" sheet.</summary>
internal sealed class RawLeads
{
    public required string File { get; init; }

    public required string Sheet { get; init; }

    public string? StrandHint { get; init; }

    public string? Strategic { get; set; }

    public List<(int Row, string Area, string Tactical, string Operational)> Areas { get; } = [];
}

/// <summary>A row of a measures sheet: a measure that shows a strand's progress, as written.</summary>
internal sealed record RawMeasure(string File, string Sheet, int Row, string Strand, string Name, string Target, string Better);
