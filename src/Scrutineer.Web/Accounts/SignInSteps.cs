using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Web.Accounts;

/// <summary>
/// What follows a right password: the second step when the account has two-step sign-in (a short-lived cookie says
/// the password was right, and nothing more), then the session, carrying any step still pending (a one-time password
/// to replace, two-step sign-in to set up when it is required).
/// </summary>
public sealed class SignInSteps(ScrutineerDb db, IDataProtectionProvider protection, SessionCookie session)
{
    /// <summary>The cookie scheme that remembers, for a few minutes, whose password was right.</summary>
    public const string PasswordCheckedScheme = "scrutineer-password-checked";

    /// <summary>How long the second step may take after the password.</summary>
    public static readonly TimeSpan SecondStepTime = TimeSpan.FromMinutes(5);

    private const string StampClaim = "stamp";

    /// <summary>Seals and unseals the account's authenticator secret (a purpose of its own per account).</summary>
    public IDataProtector Protector(int accountId) =>
        protection.CreateProtector(TwoStepSignIn.ProtectionPurpose, accountId.ToString(CultureInfo.InvariantCulture));

    /// <summary>After a right password: where to go next (the second step, a pending step, or <paramref name="returnUrl"/>).</summary>
    public async Task<string> AfterPasswordAsync(HttpContext http, UserAccount account, string returnUrl, CancellationToken cancellationToken)
    {
        if (await TwoStepSignIn.IsSetUpAsync(db, account.Id, cancellationToken))
        {
            var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(StampClaim, account.Stamp.ToString(CultureInfo.InvariantCulture)),
            ], PasswordCheckedScheme);
            await http.SignInAsync(PasswordCheckedScheme, new ClaimsPrincipal(identity));
            return "/account/two-step?returnUrl=" + Uri.EscapeDataString(returnUrl);
        }

        return await StartSessionAsync(http, account, returnUrl, cancellationToken);
    }

    /// <summary>The account whose password was right in the last few minutes, unchanged since; null otherwise.</summary>
    public async Task<UserAccount?> PasswordCheckedAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var result = await http.AuthenticateAsync(PasswordCheckedScheme);
        if (!result.Succeeded
            || !int.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !int.TryParse(result.Principal.FindFirstValue(StampClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var stamp))
        {
            return null;
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return account is null || account.IsDisabled || account.Stamp != stamp ? null : account;
    }

    /// <summary>Starts the session (ending the password-checked cookie) and says where to go: a pending step's page or <paramref name="returnUrl"/>.</summary>
    public async Task<string> StartSessionAsync(HttpContext http, UserAccount account, string returnUrl, CancellationToken cancellationToken)
    {
        var pending = account.MustChangePassword ? PendingSignInStep.ChangePassword
            : await TwoStepSignIn.IsRequiredAsync(db, cancellationToken) && !await TwoStepSignIn.IsSetUpAsync(db, account.Id, cancellationToken) ? PendingSignInStep.SetUpTwoStep
            : null;
        await http.SignOutAsync(PasswordCheckedScheme);
        await session.SignInAsync(http, account, cancellationToken, pending);
        return pending is null ? returnUrl : PendingSignInStep.PageFor(pending);
    }
}
