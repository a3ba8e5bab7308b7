using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;

namespace Scrutineer.Application.Data;

public sealed partial class ScrutineerDb
{
    /// <summary>The audit trail: every change to the store, added in the same transaction; never changed afterwards.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
}
