namespace Scrutineer.Application.Audit;

/// <summary>What to read from the audit trail; every filter is optional.</summary>
/// <param name="Entity">A table name, for example "Updates".</param>
/// <param name="Key">A row key exactly as recorded, for example "Id=12".</param>
/// <param name="Actor">Who made the change.</param>
/// <param name="Since">From this instant, inclusive.</param>
/// <param name="Until">Up to this instant, exclusive.</param>
/// <param name="Limit">At most this many entries (newest first); null for all.</param>
public sealed record AuditQuery(
    string? Entity = null, string? Key = null, string? Actor = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, int? Limit = null);
