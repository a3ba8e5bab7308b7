namespace Scrutineer.Application.Audit;

/// <summary>
/// One recorded change to one row of the store: who made it, when, what (table and key) and the values before and after.
/// Written by the store's save (<c>Data/SaveInterceptor</c>) in the same transaction as the change; never changed or deleted afterwards
/// (the interceptor refuses it and a database trigger refuses it on both engines).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Actor = "";
        Entity = "";
        Key = "";
        Changes = "{}";
    }

    internal AuditEntry(Guid changeSet, DateTimeOffset at, string actor, AuditAction action, string entity, string key, string changes)
    {
        ChangeSet = changeSet;
        At = at;
        Actor = actor.Length <= 200 ? actor : actor[..200];
        Action = action;
        Entity = entity;
        Key = key.Length <= 200 ? key : key[..200];
        Changes = changes;
    }

    /// <summary>Store identity; rises with every entry, so it orders the trail.</summary>
    public long Id { get; private set; }

    /// <summary>The same for every entry written by one save (one user action).</summary>
    public Guid ChangeSet { get; private set; }

    /// <summary>When the change was saved (UTC).</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>Who made it: the signed-in user's name in the web app, "cli:&lt;user&gt;" on the command line.</summary>
    public string Actor { get; private set; }

    /// <summary>Added, modified or deleted.</summary>
    public AuditAction Action { get; private set; }

    /// <summary>The table changed, for example "Updates" or "Plans".</summary>
    public string Entity { get; private set; }

    /// <summary>The row's key, for example "Id=12" or "CommitmentId=4, Position=2".</summary>
    public string Key { get; private set; }

    /// <summary>
    /// The changed columns as a JSON object: <c>{"Status":{"before":"OnTrack","after":"AtRisk"}}</c>. Every column for an
    /// added row (before is null) or a deleted one (after is null). Secrets (password hashes, tokens) read "[redacted]".
    /// </summary>
    public string Changes { get; private set; }
}
