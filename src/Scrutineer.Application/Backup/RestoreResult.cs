using System.Globalization;

namespace Scrutineer.Application.Backup;

/// <summary>What a restore did: which file (and its SHA-256), what it held, and how many newer audit entries it erased.</summary>
public sealed record RestoreResult(string File, string Sha256, BackupContents Contents, int DiscardedAuditEntries)
{
    /// <summary>The line recorded in the store (and so in the audit trail) as its last restore.</summary>
    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(File)} (SHA-256 {Sha256[..16]}…, schema {Contents.SchemaVersion}, {Contents.AuditEntries} audit entries to Id {Contents.NewestAuditId ?? 0}); {DiscardedAuditEntries} newer audit entries discarded");
        return text.Length <= 400 ? text : text[..400];
    }
}
