namespace Scrutineer.Application.Audit;

/// <summary>What happened to a row.</summary>
public enum AuditAction
{
    /// <summary>The row was created.</summary>
    Added,

    /// <summary>Some of the row's columns changed.</summary>
    Modified,

    /// <summary>The row was removed.</summary>
    Deleted,
}
