using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages.Account;

/// <summary>
/// Set up two-step sign-in: the page shows a new authenticator secret (base32, and as an otpauth link); the first
/// right code completes it and the recovery codes are shown, once. Where an administrator requires two-step sign-in,
/// this is the only page a session without it may open.
/// </summary>
public sealed class TwoStepSetUpModel(ScrutineerDb db, SignInSteps steps, IDataProtectionProvider protection, TimeProvider clock, ILogger<TwoStepSetUpModel> log) : ScrutineerPageModel
{
    public bool AlreadySetUp { get; private set; }

    public string? Secret { get; private set; }

    public string? Uri { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == Me.Id, ct);
        AlreadySetUp = await TwoStepSignIn.IsSetUpAsync(db, account.Id, ct);
        if (!AlreadySetUp)
        {
            (Secret, Uri) = await TwoStepSignIn.BeginAsync(db, Protector, account, ct);
        }
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == Me.Id, ct);
        try
        {
            RecoveryCodes = await TwoStepSignIn.ConfirmAsync(db, Protector, account.Id, code, clock.GetUtcNow(), ct);
        }
        catch (Domain.Common.DomainException ex)
        {
            ModelState.AddModelError("code", ex.Message);
            (Secret, Uri) = await TwoStepSignIn.PendingAsync(db, Protector, account, ct) ?? await TwoStepSignIn.BeginAsync(db, Protector, account, ct);
            return Page();
        }

        log.LogInformation("Two-step sign-in set up by {UserName}", account.UserName);
        await steps.StartSessionAsync(HttpContext, account, "/", ct);
        AlreadySetUp = true;
        return Page();
    }

    private IDataProtector Protector => protection.CreateProtector(TwoStepSignIn.ProtectionPurpose);
}
