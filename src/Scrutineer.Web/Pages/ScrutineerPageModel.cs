using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Common;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages;

/// <summary>What every signed-in page needs: the current account, and turning broken workflow rules into form errors.</summary>
public abstract class ScrutineerPageModel : PageModel
{
    private CurrentUser? me;

    /// <summary>The signed-in account (pages behind a policy always have one).</summary>
    public CurrentUser Me => me ??= CurrentUser.From(User) ?? throw new InvalidOperationException("No signed-in account on a page that needs one.");

    /// <summary>Shows a success banner on the next page.</summary>
    protected void Notice(string text) => TempData["Notice"] = text;

    /// <summary>
    /// Runs <paramref name="action"/>; a <see cref="DomainException"/> (a rule the user can satisfy) or a concurrent
    /// change becomes a form error under <paramref name="field"/> and the page is shown again.
    /// </summary>
    protected async Task<IActionResult> AttemptAsync(Func<Task<IActionResult>> action, Func<Task<IActionResult>> redisplay, string field = "")
    {
        try
        {
            return await action();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(field, ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(field, "Someone else changed this while you were working on it. Your change was not saved: check the latest version and try again.");
        }

        return await redisplay();
    }
}
