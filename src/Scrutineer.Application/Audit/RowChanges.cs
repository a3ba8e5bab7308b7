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
        var columns = new List<(string Column, string? Before, string? After)>();
        foreach (var property in entry.Properties)
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

            columns.Add((RowText.Column(property.Metadata), before, after));
        }

        return columns.Count > 0 || !modifiedOnly ? Json(columns) : null;
    }

    /// <summary>Columns (the store's names, values as <see cref="RowText"/> writes them) as the JSON an audit entry holds.</summary>
    public static string Json(IEnumerable<(string Column, string? Before, string? After)> columns)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (column, before, after) in columns.OrderBy(c => c.Column, StringComparer.Ordinal))
            {
                var secret = IsSecret(column);
                json.WriteStartObject(column);
                json.WriteString("before", secret && before is not null ? Redacted : before);
                json.WriteString("after", secret && after is not null ? Redacted : after);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static bool IsSecret(string name) => SecretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase));
}
