using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Scrutineer.Application.Audit;

/// <summary>
/// Leaves an entity type out of the audit trail. Only for bulk reference data that is replaced wholesale by an import
/// and carries no user's judgement (street-level crime records, data-protection keys); the import itself should still
/// be recorded (an import-run row is audited). See docs/decisions/0050.
/// </summary>
public static class AuditExclusion
{
    internal const string Annotation = "Scrutineer:NotAudited";

    /// <summary>Marks the entity type as not audited.</summary>
    public static EntityTypeBuilder<T> NotAudited<T>(this EntityTypeBuilder<T> builder)
        where T : class =>
        builder.HasAnnotation(Annotation, true);

    internal static bool IsAudited(IReadOnlyEntityType type) =>
        type.ClrType != typeof(AuditEntry) && type.FindAnnotation(Annotation)?.Value is not true
        && (type.FindOwnership()?.PrincipalEntityType is not { } owner || IsAudited(owner));
}
