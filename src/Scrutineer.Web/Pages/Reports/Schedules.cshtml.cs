using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Application.Notifications;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Reports;
using Scrutineer.Web.Reporting;

namespace Scrutineer.Web.Pages.Reports;

/// <summary>
/// Scheduled report packs (analysts and administrators): a report from the catalogue in a version and format, emailed
/// to a distribution list on each round's publication or on a date, as <c>scrutineer schedule add|list|remove</c> does.
/// The full version is refused unless every recipient is an account cleared to read OFFICIAL-SENSITIVE text.
/// </summary>
public sealed class SchedulesModel(ScrutineerDb db, TimeProvider clock, ILogger<SchedulesModel> log) : ScrutineerPageModel
{
    public IReadOnlyList<(ReportSchedule Schedule, IReadOnlyList<string> Recipients)> Schedules { get; private set; } = [];

    [BindProperty]
    public string? Report { get; set; }

    [BindProperty]
    public string? Version { get; set; } = "public";

    [BindProperty]
    public string? Format { get; set; } = "pdf";

    /// <summary>User names and email addresses, one a line.</summary>
    [BindProperty]
    public string? Recipients { get; set; }

    /// <summary>"publication" or "date".</summary>
    [BindProperty]
    public string? When { get; set; } = "publication";

    [BindProperty]
    public DateInputModel SendOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReportAccess.CanScheduleReports(Me))
        {
            return Forbid();
        }

        Report = ReportCatalogue.Kinds[0].Slug;
        SendOn = DateInputModel.Of(nameof(SendOn), "Date to send it", null);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ReportAccess.CanScheduleReports(Me))
        {
            return Forbid();
        }

        SendOn.Name = nameof(SendOn);
        SendOn.Legend = "Date to send it";
        if (ReportCatalogue.Find(Report) is null)
        {
            ModelState.AddModelError(nameof(Report), "Select the report");
        }

        if (Version is not ("public" or "full"))
        {
            ModelState.AddModelError(nameof(Version), "Select the version");
        }

        if (ReportCatalogue.Formats.All(f => !string.Equals(f.ToString(), Format, StringComparison.OrdinalIgnoreCase)))
        {
            ModelState.AddModelError(nameof(Format), "Select the format");
        }

        var to = (Recipients ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (to.Length == 0)
        {
            ModelState.AddModelError(nameof(Recipients), "Enter at least one user name or email address");
        }

        // Every recipient that cannot be sent to, each said, with the other fields' problems at once.
        foreach (var problem in (await ReportSchedules.RecipientsAsync(db, to, ct)).Problems)
        {
            ModelState.AddModelError(nameof(Recipients), problem);
        }

        DateOnly? date = null;
        if (When == "date")
        {
            date = SendOn.Parse(out var dateError);
            if ((dateError ?? ReportSchedules.DateProblem(date, UkClock.Today(clock))) is { } problem)
            {
                ModelState.AddModelError(nameof(SendOn), problem);
            }
        }
        else if (When != "publication")
        {
            ModelState.AddModelError(nameof(When), "Select when to send it");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            var schedule = await ReportSchedules.AddAsync(db, Report, Version, Format, to, date, Me.UserName, UkClock.Today(clock), clock.GetUtcNow(), ct);
            log.LogInformation("Report schedule {Id} added by {User}", schedule.Id, Me.UserName);
            Notice($"Scheduled: {ReportSchedules.Describe(schedule)}.");
            return Redirect("/reports/schedules");
        }, async () =>
        {
            await LoadAsync(ct);
            return Page();
        }, nameof(Recipients));
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (!ReportAccess.CanScheduleReports(Me))
        {
            return Forbid();
        }

        return await AttemptAsync(async () =>
        {
            var removed = await ReportSchedules.RemoveAsync(db, id, ct);
            log.LogInformation("Report schedule {Id} removed by {User}", removed.Id, Me.UserName);
            Notice($"Removed: {ReportSchedules.Describe(removed)}.");
            return Redirect("/reports/schedules");
        }, async () =>
        {
            await LoadAsync(ct);
            return Page();
        });
    }

    private async Task LoadAsync(CancellationToken ct) => Schedules = await ReportSchedules.ListAsync(db, ct);
}
