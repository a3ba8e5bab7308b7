using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Data;

/// <summary>Each strategy strand's narrative for a round's quarter, written by its lead and reviewed like an update.</summary>
public sealed partial class ScrutineerDb
{
    public DbSet<StrandNarrative> StrandNarratives => Set<StrandNarrative>();
}
