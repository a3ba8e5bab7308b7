using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Notifications;

namespace Scrutineer.Web.Pages.Account;

/// <summary>The signed-in account's own notices (the newest 50), and which kinds it gets, each on or off, or all as one digest.</summary>
public sealed class NoticesModel(ScrutineerDb db) : ScrutineerPageModel
{
    public IReadOnlyList<Notice> Recent { get; private set; } = [];

    public string? Email { get; private set; }

    /// <summary>The kinds the account gets (the others are turned off).</summary>
    [BindProperty]
    public List<NoticeKind> Wanted { get; set; } = [];

    [BindProperty]
    public bool Digest { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var account = await LoadAsync(ct);
        Wanted = NoticeKindNames.Choosable.Where(account.Wants).ToList();
        Digest = account.DailyDigest;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await LoadAsync(ct);
        // A value the form never offers (a kind that does not exist, a digest that is neither yes nor no) is refused, not
        // read as "none": it must never turn every notice off.
        var badKinds = ModelState.TryGetValue(nameof(Wanted), out var w) && w.Errors.Count > 0 || Wanted.Any(k => !NoticeKindNames.Choosable.Contains(k));
        var badDigest = ModelState.TryGetValue(nameof(Digest), out var d) && d.Errors.Count > 0;
        if (badKinds || badDigest)
        {
            ModelState.Clear();
            if (badKinds)
            {
                ModelState.AddModelError(nameof(Wanted), "Select the notices you want from the list");
                Wanted = NoticeKindNames.Choosable.Where(account.Wants).ToList();
            }

            if (badDigest)
            {
                ModelState.AddModelError(nameof(Digest), "Select how your notices should come");
                Digest = account.DailyDigest;
            }

            return Page();
        }

        account.ChooseNotices(NoticeKindNames.Choosable.Except(Wanted), Digest);
        await db.SaveChangesAsync(ct);
        Notice("Your notice settings are saved.");
        return Redirect("/account/notices");
    }

    private async Task<UserAccount> LoadAsync(CancellationToken ct)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == Me.Id, ct);
        Email = account.Email;
        Recent = await db.Notices.AsNoTracking().Where(n => n.AccountId == Me.Id).OrderByDescending(n => n.Id).Take(50).ToListAsync(ct);
        return account;
    }
}
