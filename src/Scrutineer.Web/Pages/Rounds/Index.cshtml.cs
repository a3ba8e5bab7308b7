using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages.Rounds;

/// <summary>Analysts see every round and open a new one.</summary>
public sealed class IndexModel(ScrutineerDb db, RoundBoard board, TimeProvider clock, Application.Notifications.NotifySettings notify, ILogger<IndexModel> log) : ScrutineerPageModel
{
    public IReadOnlyList<RoundSummary> Rounds { get; private set; } = [];

    public IReadOnlyList<(int Id, string Title)> Plans { get; private set; } = [];

    [BindProperty]
    public int? PlanId { get; set; }

    [BindProperty]
    public string? Quarter { get; set; }

    [BindProperty]
    public DateInputModel Deadline { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var suggested = Rounds.Count > 0 ? Rounds.Max(r => r.Period).Next : FinancialQuarter.Of(board.Today);
        Quarter = suggested.ToString();
        Deadline = DateInputModel.Of(nameof(Deadline), "Deadline", suggested.DataTo.AddDays(21));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Deadline.Name = nameof(Deadline);
        Deadline.Legend = "Deadline";
        var plan = PlanId is { } pid ? await db.Plans.SingleOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (plan is null)
        {
            ModelState.AddModelError(nameof(PlanId), "Select the plan");
        }

        if (!FinancialQuarter.TryParse(Quarter, out var period, out var quarterError))
        {
            ModelState.AddModelError(nameof(Quarter), string.IsNullOrWhiteSpace(Quarter) ? "Enter the quarter, for example Q4 2023/24" : quarterError);
        }

        var deadline = Deadline.Parse(out var deadlineError);
        if (deadlineError is not null)
        {
            ModelState.AddModelError(nameof(Deadline), deadlineError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            var round = await Application.Notifications.RoundOpening.OpenAsync(db, period, deadline!.Value, notify, clock.GetUtcNow(), plan!.Title, ct);
            log.LogInformation("Round {Period} of plan {PlanId} opened by {User}", period, plan!.Id, Me.UserName);
            Notice($"The {period} round is open. Contributors can now write their updates.");
            return Redirect($"/rounds/{round.Id}");
        }, () => Task.FromResult<IActionResult>(Page()), nameof(Quarter));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rounds = await board.RoundsAsync(ct);
        Plans = (await db.Plans.AsNoTracking().OrderByDescending(p => p.FirstYear).Select(p => new { p.Id, p.Title }).ToListAsync(ct))
            .Select(p => (p.Id, p.Title)).ToList();
        PlanId ??= Plans.Select(p => (int?)p.Id).FirstOrDefault();
    }
}
