using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Delivery;
using Scrutineer.Web.Delivery;

namespace Scrutineer.Web.Pages.Strategy;

/// <summary>
/// One delivery task with its status history; analysts (and reviewers scoped to its strand) change its status here.
/// The change is recorded in the task's history under the account's name, dated today.
/// </summary>
public sealed class TaskModel(ScrutineerDb db, TimeProvider clock) : ScrutineerPageModel
{
    public DeliveryTask Task { get; private set; } = null!;

    public bool CanChange { get; private set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Risk { get; set; }

    [BindProperty]
    public string? Mitigation { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Status = TaskLabels.Slug(Task.Status);
        Risk = Task.Risk;
        Mitigation = Task.Mitigation;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanChange)
        {
            return NotFound();
        }

        if (TaskLabels.FromSlug(Status) is not { } status)
        {
            ModelState.AddModelError(nameof(Status), "Choose the task's status.");
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            var changed = Task.ChangeStatus(status, today, $"web: {Me.DisplayName}", Risk, Mitigation);
            if (changed)
            {
                await db.SaveChangesAsync(ct);
            }

            Notice(changed ? $"Task {Task.Reference} is now {TaskLabels.Of(status).ToLowerInvariant()}." : $"Task {Task.Reference} was already {TaskLabels.Of(status).ToLowerInvariant()}; nothing changed.");
            return RedirectToPage(new { id });
        }, () => System.Threading.Tasks.Task.FromResult<IActionResult>(Page()), nameof(Risk));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var task = await db.DeliveryTasks.Include(t => t.Plan).ThenInclude(p => p.Strand).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return false;
        }

        Task = task;
        CanChange = TaskAccess.CanChangeStatus(Me, task.Plan.StrandId);
        return true;
    }
}
