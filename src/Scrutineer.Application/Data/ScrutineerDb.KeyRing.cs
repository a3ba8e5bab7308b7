using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Application.Data;

/// <summary>The web application's data-protection key ring, shared by every instance.</summary>
public sealed partial class ScrutineerDb
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
