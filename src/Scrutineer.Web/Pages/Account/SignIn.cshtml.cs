using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scrutineer.Application.Accounts;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages.Account;

public sealed class SignInModel(SignInService signIn, SignInSteps steps, Application.Accounts.SignInLimits limits, SingleSignOnSettings sso) : PageModel
{
    /// <summary>When failed sign-ins lock an account, as the page explains.</summary>
    public Application.Accounts.SignInLimits Limits => limits;

    public string? UserName { get; private set; }

    public string? Problem { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool HasError => Problem is not null;

    /// <summary>What is wrong with the password field, when it was left empty.</summary>
    public string? PasswordProblem { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturn(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = SafeReturn(returnUrl);
        UserName = username;

        // An empty field is said so, both at once and in field order, without an attempt counted against anyone.
        if (string.IsNullOrWhiteSpace(username))
        {
            Problem = "Enter your user name";
            ModelState.AddModelError("username", Problem);
        }

        if (string.IsNullOrEmpty(password))
        {
            PasswordProblem = "Enter your password";
            ModelState.AddModelError("password", PasswordProblem);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (account, problem) = await signIn.CheckAsync(username, password, ct, Security.SecurityEvents.ClientAddress(HttpContext));
        if (account is not null && !sso.LocalAccounts.Allows(account.Role))
        {
            (account, problem) = (null, sso.LocalAccounts.Refusal());
        }

        if (account is null)
        {
            Problem = problem;
            ModelState.AddModelError("username", problem!);
            return Page();
        }

        return LocalRedirect(await steps.AfterPasswordAsync(HttpContext, account, ReturnUrl, ct));
    }

    private string SafeReturn(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
