using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages.Account;

/// <summary>Signing out ends the session on the server, so a copy of the cookie no longer opens anything.</summary>
public sealed class SignOutModel(SessionCookie session) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await session.SignOutAsync(HttpContext, ct);
        if (await Accounts.SingleSignOnRegistration.SignOutAtProviderAsync(HttpContext))
        {
            return new EmptyResult();
        }

        TempData["Notice"] = "You have signed out.";
        return Redirect("/account/sign-in");
    }
}
