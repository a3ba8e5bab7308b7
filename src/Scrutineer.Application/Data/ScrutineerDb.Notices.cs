using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Notifications;

namespace Scrutineer.Application.Data;

/// <summary>The notification outbox: every email, written with the change that causes it and sent by <c>notify run</c>.</summary>
public sealed partial class ScrutineerDb
{
    public DbSet<Notice> Notices => Set<Notice>();
}
