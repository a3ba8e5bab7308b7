using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages.Account;

/// <summary>
/// The second sign-in step: the code from the authenticator app, or a recovery code. Open only within a few minutes
/// of a right password (otherwise back to sign in). A wrong code counts towards the account's lockout.
/// </summary>
public sealed class TwoStepModel(ScrutineerDb db, SignInSteps steps, TimeProvider clock, ILogger<TwoStepModel> log) : PageModel
{
    public string ReturnUrl { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = SafeReturn(returnUrl);
        return await steps.PasswordCheckedAsync(HttpContext, ct) is null ? Redirect("/account/sign-in") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = SafeReturn(returnUrl);
        var account = await steps.PasswordCheckedAsync(HttpContext, ct);
        var now = clock.GetUtcNow();
        if (account is null || account.IsLockedOut(now))
        {
            return Redirect("/account/sign-in");
        }

        if (!await TwoStepSignIn.VerifyAsync(db, steps.Protector(account.Id), account.Id, code, now, ct))
        {
            account.RecordFailedSignIn(now);
            await db.SaveChangesAsync(ct);
            log.LogWarning("Second sign-in step failed for {UserName}", account.UserName);
            ModelState.AddModelError("code", account.IsLockedOut(now)
                ? "This account is now locked after too many failed sign-ins. Try again in 15 minutes or ask an administrator to unlock it."
                : "Enter the 6-digit code your authenticator app shows now, or one of your recovery codes");
            return Page();
        }

        log.LogInformation("Second sign-in step passed for {UserName}", account.UserName);
        return LocalRedirect(await steps.StartSessionAsync(HttpContext, account, ReturnUrl, ct));
    }

    private string SafeReturn(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
