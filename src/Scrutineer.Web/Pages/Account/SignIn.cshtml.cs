using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scrutineer.Application.Accounts;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages.Account;

public sealed class SignInModel(SignInService signIn, SingleSignOnSettings sso) : PageModel
{
    public string? UserName { get; private set; }

    public string? Problem { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public bool HasError => Problem is not null;

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturn(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? returnUrl, CancellationToken ct)
    {
        ReturnUrl = SafeReturn(returnUrl);
        UserName = username;
        var (account, problem) = await signIn.CheckAsync(username, password, ct);
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

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CurrentUser.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(ReturnUrl);
    }

    private string SafeReturn(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
