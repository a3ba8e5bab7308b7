using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scrutineer.Web.Pages.Account;

public sealed class SignOutModel(ILogger<SignOutModel> log) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        log.LogInformation("Signed out {User}", User.Identity?.Name);
        if (await Accounts.SingleSignOnRegistration.SignOutAtProviderAsync(HttpContext))
        {
            return new EmptyResult();
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        TempData["Notice"] = "You have signed out.";
        return Redirect("/account/sign-in");
    }
}
