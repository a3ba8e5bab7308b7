using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Data;

/// <summary>The analysts' foreword and executive summary of each plan's closure report.</summary>
public sealed partial class ScrutineerDb
{
    public DbSet<ClosureReportText> ClosureReportTexts => Set<ClosureReportText>();
}
