using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Accounts;

/// <summary>
/// Password hashes (ASP.NET Core Identity v3: PBKDF2 with HMAC-SHA512, 100,000 iterations, random salt) and one-time
/// passwords. Every password an account is given passes <see cref="PasswordRule"/> here first.
/// </summary>
public static class Passwords
{
    private const string OneTimeAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>Checks <paramref name="password"/> against <see cref="PasswordRule"/> for <paramref name="userName"/> and hashes it.</summary>
    /// <exception cref="DomainException">The password breaks the rule.</exception>
    public static string Hash(string? password, string? userName)
    {
        PasswordRule.Check(password, userName);
        return Hasher.HashPassword(null!, password!);
    }

    /// <summary>Whether <paramref name="password"/> is the account's; <see cref="PasswordVerificationResult.SuccessRehashNeeded"/> when an older hash should be replaced.</summary>
    public static PasswordVerificationResult Verify(UserAccount account, string? password) =>
        string.IsNullOrEmpty(password) ? PasswordVerificationResult.Failed : Hasher.VerifyHashedPassword(account, account.PasswordHash, password);

    /// <summary>
    /// A new random one-time password: four groups of four lower-case letters and digits that cannot be mistaken for
    /// one another (about 78 bits), for example "k7qm-x2vd-9hte-pw4r".
    /// </summary>
    public static string NewOneTimePassword()
    {
        while (true)
        {
            var groups = Enumerable.Range(0, 4).Select(_ => new string(Enumerable.Range(0, 4)
                .Select(_ => OneTimeAlphabet[RandomNumberGenerator.GetInt32(OneTimeAlphabet.Length)]).ToArray()));
            var password = string.Join('-', groups);
            if (PasswordRule.IsAcceptable(password, null, out _))
            {
                return password;
            }
        }
    }
}
