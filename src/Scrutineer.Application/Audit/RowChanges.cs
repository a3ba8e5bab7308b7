using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Scrutineer.Application.Audit;

/// <summary>
/// What an audit entry says changed in a row: its columns as JSON, <c>{"Title":{"before":"…","after":"…"}}</c>, in
/// column order, with secrets (passwords, security stamps, secrets, tokens) written as "[redacted]".
/// </summary>
internal static class RowChanges
{
    private const string Redacted = "[redacted]";
    private static readonly string[] SecretNames = ["Password", "SecurityStamp", "Secret", "Token"];

    /// <summary>The row's columns as JSON; for a modified row only those whose value changed (null when none did).</summary>
    public static string? Describe(EntityEntry entry, bool modifiedOnly)
    {
        using var buffer = new MemoryStream();
        var any = false;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var property in entry.Properties.OrderBy(p => RowText.Column(p.Metadata), StringComparer.Ordinal))
            {
                string? before = null;
                string? after = null;
                switch (entry.State)
                {
                    case EntityState.Added:
                    case EntityState.Unchanged:
                        after = RowText.Value(property.Metadata, property.CurrentValue);
                        break;
                    case EntityState.Deleted:
                        before = RowText.Value(property.Metadata, property.OriginalValue);
                        break;
                    case EntityState.Modified:
                        before = RowText.Value(property.Metadata, property.OriginalValue);
                        after = RowText.Value(property.Metadata, property.CurrentValue);
                        if (modifiedOnly && (!property.IsModified || string.Equals(before, after, StringComparison.Ordinal)))
                        {
                            continue;
                        }

                        break;
                    case EntityState.Detached:
                        continue;
                }

                var column = RowText.Column(property.Metadata);
                if (IsSecret(column))
                {
                    before = before is null ? null : Redacted;
                    after = after is null ? null : Redacted;
                }

                any = true;
                json.WriteStartObject(column);
                json.WriteString("before", before);
                json.WriteString("after", after);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return any || !modifiedOnly ? Encoding.UTF8.GetString(buffer.ToArray()) : null;
    }

    private static bool IsSecret(string name) => SecretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase));
}
