using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Accounts;

/// <summary>
/// What an administrator gives to add an account. <paramref name="Password"/> is optional: without it a random
/// one-time password is issued. Either way the password must be changed at first sign-in.
/// </summary>
public sealed record NewAccount(string UserName, string DisplayName, Role Role, IReadOnlyList<AccountScope> Scopes, string? Password = null, bool? ReadsSensitive = null);

/// <summary>An account just given a password, and that password when the service chose it (shown once, never stored).</summary>
public sealed record IssuedAccount(UserAccount Account, string? OneTimePassword);
