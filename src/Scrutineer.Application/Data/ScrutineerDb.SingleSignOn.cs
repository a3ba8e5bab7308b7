using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Data;

public sealed partial class ScrutineerDb
{
    /// <summary>Read-only API tokens, by account (hashes only).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>Single sign-on: which provider person each account belongs to.</summary>
    public DbSet<ExternalSignIn> ExternalSignIns => Set<ExternalSignIn>();

    /// <summary>Single sign-on: identity provider group → role and scope.</summary>
    public DbSet<GroupMapping> GroupMappings => Set<GroupMapping>();
}
