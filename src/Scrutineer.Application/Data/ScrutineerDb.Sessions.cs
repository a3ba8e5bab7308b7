using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Data;

public sealed partial class ScrutineerDb
{
    /// <summary>Signed-in sessions, open and ended (see <see cref="Accounts.Sessions"/>).</summary>
    public DbSet<AccountSession> Sessions => Set<AccountSession>();
}
