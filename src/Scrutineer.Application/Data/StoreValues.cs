using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Scrutineer.Application.Audit;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Data;

/// <summary>
/// Refuses values the store cannot hold, before anything is written and alike on both engines: text longer than its
/// column (SQLite would keep it, PostgreSQL refuses it) and text containing NUL (PostgreSQL cannot store it).
/// </summary>
internal static class StoreValues
{
    /// <summary>Checks the text of every added row and every modified text column of <paramref name="changed"/>.</summary>
    /// <exception cref="StoreValueException">The first such value found.</exception>
    public static void Check(IEnumerable<EntityEntry> changed)
    {
        foreach (var entry in changed.Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is not string text || (entry.State == EntityState.Modified && !property.IsModified))
                {
                    continue;
                }

                var column = $"{RowText.Table(entry)}.{RowText.Column(property.Metadata)}";
                if (property.Metadata.GetMaxLength() is { } max && text.Length > max)
                {
                    throw new StoreValueException(column, string.Create(EnGb.Culture,
                        $"{column} is {text.Length:N0} characters long; at most {max:N0} are allowed (it begins \"{Preview(text)}\")."));
                }

                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    throw new StoreValueException(column, $"{column} contains a NUL character, which cannot be stored (it begins \"{Preview(text)}\").");
                }
            }
        }
    }

    private static string Preview(string text)
    {
        var clean = new string(text.Take(40).Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return text.Length > 40 ? clean + "…" : clean;
    }
}
