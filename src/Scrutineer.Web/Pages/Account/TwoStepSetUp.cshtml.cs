using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages.Account;

/// <summary>
/// Set up two-step sign-in: the page shows a new authenticator secret (base32, and as an otpauth link) and carries it
/// sealed in the form; the first right code stores it and the recovery codes are shown, once. Where an administrator
/// requires two-step sign-in, this is the only page a session without it may open.
/// </summary>
public sealed class TwoStepSetUpModel(ScrutineerDb db, SignInSteps steps, TimeProvider clock, ILogger<TwoStepSetUpModel> log) : ScrutineerPageModel
{
    public bool AlreadySetUp { get; private set; }

    public string? Secret { get; private set; }

    public string? Uri { get; private set; }

    /// <summary>The secret sealed by data protection, carried by the form until the first code confirms it.</summary>
    public string? Sealed { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == Me.Id, ct);
        AlreadySetUp = await TwoStepSignIn.IsSetUpAsync(db, account.Id, ct);
        if (!AlreadySetUp)
        {
            (Secret, Uri, Sealed) = TwoStepSignIn.NewSecret(steps.Protector(account.Id), account);
        }
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? key, CancellationToken ct)
    {
        var account = await db.Accounts.SingleAsync(a => a.Id == Me.Id, ct);
        var protector = steps.Protector(account.Id);
        try
        {
            RecoveryCodes = await TwoStepSignIn.ConfirmAsync(db, protector, account, key, code, clock.GetUtcNow(), ct);
        }
        catch (Domain.Common.DomainException ex)
        {
            ModelState.AddModelError("code", ex.Message);
            AlreadySetUp = await TwoStepSignIn.IsSetUpAsync(db, account.Id, ct);
            if (!AlreadySetUp)
            {
                (Secret, Uri, Sealed) = TwoStepSignIn.Unseal(protector, account, key) is { } kept ? (kept.Secret, kept.Uri, key) : TwoStepSignIn.NewSecret(protector, account);
            }

            return Page();
        }

        log.LogInformation("Two-step sign-in set up by {UserName}", account.UserName);
        await steps.StartSessionAsync(HttpContext, account, "/", ct);
        AlreadySetUp = true;
        return Page();
    }
}
