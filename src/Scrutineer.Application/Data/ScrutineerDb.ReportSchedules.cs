using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Data;

/// <summary>Report packs analysts schedule to distribution lists, sent through the notice outbox.</summary>
public sealed partial class ScrutineerDb
{
    public DbSet<ReportSchedule> ReportSchedules => Set<ReportSchedule>();
}
