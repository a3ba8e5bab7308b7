using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages.Account;

/// <summary>
/// Change your own password: the current one, then a new one that meets the password rule. After a one-time
/// password this is the only page the session may open. Your other sessions end.
/// </summary>
public sealed class PasswordModel(ScrutineerDb db, SignInSteps steps, ILogger<PasswordModel> log) : ScrutineerPageModel
{
    /// <summary>Whether the session signed in with a one-time password.</summary>
    public bool IsOneTime => User.HasClaim(c => c.Type == ScrutineerClaims.PendingStep && c.Value == PendingSignInStep.ChangePassword);

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.Equals(NewPassword, ConfirmPassword, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "Enter the same new password twice");
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            var account = await OwnPassword.ChangeAsync(db, Me.Id, CurrentPassword, NewPassword, ct);
            log.LogInformation("Password changed by {UserName}", account.UserName);
            var next = await steps.StartSessionAsync(HttpContext, account, "/", ct);
            Notice("Your password has been changed.");
            return LocalRedirect(next);
        }, () => Task.FromResult<IActionResult>(Page()), nameof(NewPassword));
    }
}
