using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Web.Delivery;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Pages.Strategy;

/// <summary>
/// One delivery task with its status history; analysts (and reviewers scoped to its strand) change its status here.
/// The change is recorded in the task's history under the account's name, dated today. The task's OFFICIAL-SENSITIVE
/// note is shown only where the need-to-know rule allows, and set by those who change the status and may read it.
/// </summary>
public sealed class TaskModel(ScrutineerDb db, TimeProvider clock) : ScrutineerPageModel
{
    /// <summary>The force's today, for flagging a task past its due date.</summary>
    public DateOnly Today => UkClock.Today(clock);

    public DeliveryTask Task { get; private set; } = null!;

    public bool CanChange { get; private set; }

    /// <summary>Whether this account may read the task's OFFICIAL-SENSITIVE note (<see cref="Application.Security.NeedToKnow"/>).</summary>
    public bool ReadsSensitive { get; private set; }

    /// <summary>Whether this account sets the OFFICIAL-SENSITIVE note: it changes the status and may read the note.</summary>
    public bool CanChangeNote => CanChange && ReadsSensitive;

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public string? Risk { get; set; }

    [BindProperty]
    public string? Mitigation { get; set; }

    /// <summary>The OFFICIAL-SENSITIVE note as written on the form (blank clears it).</summary>
    [BindProperty]
    public string? SensitiveNote { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Status = TaskLabels.Slug(Task.Status);
        Risk = Task.Risk;
        Mitigation = Task.Mitigation;
        SensitiveNote = CanChangeNote ? Task.SensitiveNote : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanChange)
        {
            return NotFound();
        }

        // Every problem at once, in field order, by the domain's rule (the one ChangeStatus and NoteSensitive enforce).
        var status = TaskLabels.FromSlug(Status);
        if (status is null)
        {
            ModelState.AddModelError(nameof(Status), "Select the task's status");
        }

        foreach (var (field, message) in DeliveryTask.CheckStatus(status ?? DeliveryTaskStatus.NotStarted, Risk, Mitigation))
        {
            ModelState.AddModelError(field, message);
        }

        if (CanChangeNote && DeliveryTask.CheckNote(SensitiveNote) is { } noteProblem)
        {
            ModelState.AddModelError(nameof(SensitiveNote), noteProblem);
        }

        if (!ModelState.IsValid || status is null)
        {
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            var today = UkClock.Today(clock);
            var changed = Task.ChangeStatus(status.Value, today, $"web: {Me.DisplayName}", Risk, Mitigation);
            var noted = CanChangeNote && Task.NoteSensitive(SensitiveNote);
            if (changed || noted)
            {
                await db.SaveChangesAsync(ct);
            }

            var now = TaskLabels.Of(status.Value).ToLowerInvariant();
            Notice((changed, noted) switch
            {
                (true, true) => $"Task {Task.Reference} is now {now}, and its OFFICIAL-SENSITIVE note is saved.",
                (true, false) => $"Task {Task.Reference} is now {now}.",
                (false, true) => $"Task {Task.Reference}'s OFFICIAL-SENSITIVE note is saved; the status stays {now}.",
                (false, false) => $"Task {Task.Reference} was already {now}; nothing changed.",
            });
            return RedirectToPage(new { id });
        }, async () =>
        {
            // Nothing was saved: show the task as the store holds it, with what was typed kept.
            db.ChangeTracker.Clear();
            await LoadAsync(id, ct);
            return Page();
        }, nameof(Status));
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
        ReadsSensitive = Me.ShowsSensitive(task);
        return true;
    }
}
