using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Data;

/// <summary>Measures linked to the priorities, commitments and strands whose progress they show.</summary>
public sealed partial class ScrutineerDb
{
    public DbSet<MeasureLink> MeasureLinks => Set<MeasureLink>();
}
