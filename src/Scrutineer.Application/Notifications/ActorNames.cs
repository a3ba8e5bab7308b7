using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;

namespace Scrutineer.Application.Notifications;

/// <summary>How an email names whoever made a change: the display name of the account it was made under, else who ran the command.</summary>
internal static class ActorNames
{
    /// <summary>The name of <paramref name="actor"/> (a user name on the web, "cli:&lt;user&gt;" on the command line) for an email.</summary>
    public static async Task<string> OfAsync(ScrutineerDb db, string actor, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.UserName == actor).Select(a => a.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return account ?? (actor.StartsWith("cli:", StringComparison.Ordinal) ? $"an administrator on the command line ({actor[4..]})" : actor);
    }
}
