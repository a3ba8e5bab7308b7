using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Notifications;

namespace Scrutineer.Application.Notifications;

/// <summary>
/// The dead-letter list: notices the mail server refused <see cref="Notice.MostAttempts"/> times, or withheld. Once the
/// cause is mended (a setting, an address), they go back in the outbox to be sent on the next send.
/// </summary>
public static class DeadLetters
{
    /// <summary>
    /// Puts notice <paramref name="id"/>, or every notice on the list when null, back in the outbox; returns how many.
    /// A withheld report pack goes back too, and is withheld again if its recipient still may not have it.
    /// </summary>
    /// <exception cref="DomainException">No notice <paramref name="id"/>, or it is not on the list.</exception>
    public static async Task<int> RetryAsync(ScrutineerDb db, int? id, CancellationToken cancellationToken = default)
    {
        var notices = id is { } one
            ? [await db.Notices.SingleOrDefaultAsync(n => n.Id == one, cancellationToken)
                ?? throw new DomainException($"There is no notice {one}: see scrutineer notify list --state dead.")]
            : await db.Notices.Where(n => n.State == NoticeState.Dead).ToListAsync(cancellationToken);
        notices.ForEach(n => n.Retry());
        await db.SaveChangesAsync(cancellationToken);
        return notices.Count;
    }
}
