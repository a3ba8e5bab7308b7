using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;

namespace Scrutineer.Application.Demo;

/// <summary>
/// The demo units' heads: an invented address for each unit at <c>demo-force.example</c> (never a real domain), from its
/// short name, "head.north-lpa@demo-force.example", so escalations of overdue updates reach a head in the demo too.
/// </summary>
public static class DemoUnitHeads
{
    /// <summary>The invented address of the head of the unit with <paramref name="shortName"/>.</summary>
    public static string Email(string shortName) =>
        "head." + string.Join('-', new string(shortName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "@demo-force.example";

    /// <summary>Gives every unit its head's address (not saved).</summary>
    public static async Task AddAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        foreach (var unit in await db.Units.ToListAsync(cancellationToken))
        {
            unit.SetHead(Email(unit.ShortName));
        }
    }
}
