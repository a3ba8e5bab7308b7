using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Data;

public sealed partial class ScrutineerDb
{
    /// <summary>Local sign-in accounts with their roles and scopes.</summary>
    public DbSet<UserAccount> Accounts => Set<UserAccount>();
}
