using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Scrutineer.Web.Pages.Account;

/// <summary>Where single sign-on ends when it does not sign the person in: waiting for approval, disabled, or failed.</summary>
[AllowAnonymous]
public sealed class SingleSignOnStatusModel : PageModel
{
    /// <summary>pending, disabled or failed.</summary>
    public string Outcome { get; private set; } = "failed";

    public void OnGet(string? outcome) => Outcome = outcome is "pending" or "disabled" ? outcome : "failed";
}
