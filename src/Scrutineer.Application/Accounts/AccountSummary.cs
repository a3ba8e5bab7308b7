using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Accounts;

/// <summary>One account as listed: no password, secret or hash.</summary>
public sealed record AccountSummary(string UserName, string DisplayName, Role Role, bool IsDisabled, bool MustChangePassword, bool HasTwoStep, DateTimeOffset? LastSignInAt, string Scope);
