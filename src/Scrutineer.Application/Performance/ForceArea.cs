using System.Globalization;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Performance;

/// <summary>
/// The force figures are about when none is named — one rule for the dashboard, the insight and peer pages, the API,
/// the insights and peers commands and the reports. In order:
/// <list type="number">
/// <item>the force the plan names: the one force-level area matched (by <see cref="ForceNames"/>) by a unit of kind
/// force ("Essex Police" in the plan's units is the area "Essex Police", and so is "Essex");</item>
/// <item>else the one force with a peer group (the group is drawn up for the force whose comparisons these are);</item>
/// <item>else the force holding the most monthly figures (the force whose data the store holds, even beside a
/// neighbour's), the first added on a tie.</item>
/// </list>
/// Where the first or second step finds several forces, the third chooses among them. Read over the store's connection
/// (<see cref="StoreReader"/>), so a report command needs no EF for it.
/// </summary>
public static class ForceArea
{
    /// <summary>The default force's name, or null when the store holds no force-level area.</summary>
    public static Task<string?> DefaultAsync(ScrutineerDb db, CancellationToken cancellationToken = default) =>
        StoreReader.ReadAsync(db, reader => DefaultAsync(reader, cancellationToken), cancellationToken);

    /// <summary>The default force's name, or null when the store holds no force-level area.</summary>
    public static async Task<string?> DefaultAsync(StoreReader reader, CancellationToken cancellationToken = default)
    {
        var forces = await reader.ListAsync(
            """SELECT "Id", "Name" FROM "Areas" WHERE "Level" = 'Force' ORDER BY "Id" """,
            r => (Id: r.GetInt32(0), Name: r.GetString(1)), cancellationToken);
        if (forces.Count <= 1)
        {
            return forces.Count == 0 ? null : forces[0].Name;
        }

        var names = new ForceNames(forces.Select(f => f.Name));
        var named = (await reader.ListAsync("""SELECT "Name" FROM "Units" WHERE "Kind" = 'Force'""", r => r.GetString(0), cancellationToken))
            .Select(u => names.Match(u).Force).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var grouped = (await reader.ListAsync("""SELECT DISTINCT "ForceId" FROM "PeerLinks" """, r => r.GetInt32(0), cancellationToken)).ToHashSet();
        var candidates = named.Count > 0 ? forces.Where(f => named.Contains(f.Name)).ToList()
            : grouped.Count > 0 ? forces.Where(f => grouped.Contains(f.Id)).ToList()
            : forces;
        if (candidates.Count == 1)
        {
            return candidates[0].Name;
        }

        var ids = string.Join(", ", candidates.Select(f => f.Id.ToString(CultureInfo.InvariantCulture)));
        var counts = (await reader.ListAsync(
            $"""
            SELECT o."AreaId", COUNT(*) FROM "Observations" o
            WHERE o."Kind" = 'Month' AND o."AreaId" IN ({ids}) AND {ScrutineerDb.NotHeldSql}
            GROUP BY o."AreaId"
            """,
            r => (AreaId: r.GetInt32(0), Count: r.GetInt64(1)), cancellationToken)).ToDictionary(c => c.AreaId, c => c.Count);
        return candidates.OrderByDescending(f => counts.GetValueOrDefault(f.Id)).ThenBy(f => f.Id).First().Name;
    }
}
