using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Scrutineer.Application.Audit;

/// <summary>
/// How the audit trail names a row and writes its values: the table, the key as <c>Column=value, …</c>, and every value
/// as the store holds it (after its converter), in the invariant culture (ISO 8601 for times and dates).
/// </summary>
internal static class RowText
{
    /// <summary>The column a property is stored in (its name when it has none).</summary>
    public static string Column(IReadOnlyProperty property) => property.GetColumnName() ?? property.Name;

    /// <summary>The table a row is stored in (its type's name when it has none).</summary>
    public static string Table(EntityEntry entry) => entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name;

    /// <summary>The row's key as read from the store (<paramref name="original"/>) or as it is now: "Id=5", "PlanId=1, Number=2".</summary>
    public static string Key(EntityEntry entry, bool original)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null)
        {
            return "";
        }

        return string.Join(", ", key.Properties.Select(p =>
        {
            var property = entry.Property(p.Name);
            return $"{Column(p)}={Value(p, original ? property.OriginalValue : property.CurrentValue)}";
        }));
    }

    /// <summary>A value as the store holds it, as text (null for null).</summary>
    public static string? Value(IReadOnlyProperty property, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var converter = (property as IProperty)?.GetTypeMapping().Converter ?? property.GetValueConverter();
        return Stored(converter is null ? value : converter.ConvertToProvider(value));
    }

    /// <summary>A value already in the store's own type (an enum's name, a month's yyyymm) as text (null for null).</summary>
    public static string? Stored(object? value) =>
        value switch
        {
            null => null,
            DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            byte[] bytes => Convert.ToBase64String(bytes),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
}
