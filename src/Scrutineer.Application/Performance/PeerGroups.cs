using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Performance;

/// <summary>
/// The peer groups of most similar forces: who is in a force's group on a day, the dated table, and the analysts' edits
/// of the default group (the group of the force whose figures the store holds, <see cref="ForceArea"/>): adding a peer
/// from a day, and ending a peer's membership on a day. Edits are dated like the imported table, so comparisons of
/// past periods keep the group that stood then.
/// </summary>
public static class PeerGroups
{
    /// <summary>The force-level area a name means: an area's exact name, else by <see cref="ForceNames"/> ("Essex" is "Essex Police").</summary>
    /// <exception cref="DomainException">No force, or a name that fits two.</exception>
    public static async Task<Area> FindForceAsync(ScrutineerDb db, string name, CancellationToken cancellationToken = default)
    {
        var forces = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Force).ToListAsync(cancellationToken);
        var match = new ForceNames(forces.Select(f => f.Name)).Match(name ?? "");
        if (match.Force is not null)
        {
            return forces.First(f => f.Name == match.Force);
        }

        throw new DomainException(forces.Count == 0
            ? "The store holds no force yet: import its data.police.uk files first."
            : match.Ambiguous ? $"'{name}' could be {string.Join(" or ", match.Candidates)}: name the force in full."
            : $"No force called '{name}'. Forces in the store: {string.Join(", ", forces.Select(f => f.Name).Order(StringComparer.OrdinalIgnoreCase))}.");
    }

    /// <summary>
    /// The force whose group an edit or a listing means: <paramref name="given"/> when named, else the force whose figures
    /// the store holds: the one force with a peer group, else the force figures are about (<see cref="ForceArea"/>) — the
    /// default group that analysts edit.
    /// </summary>
    /// <exception cref="DomainException">Nothing named and no force in the store.</exception>
    public static async Task<string> ForceOrDefaultAsync(ScrutineerDb db, string? given, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Trim();
        }

        // In a store of several forces, the one force with a peer group is the one its comparisons are about; with
        // groups for several, none is guessed.
        var grouped = (await db.PeerLinks.AsNoTracking().Select(l => l.Force.Name).Distinct().ToListAsync(cancellationToken))
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        return grouped.Count switch
        {
            1 => grouped[0],
            > 1 => throw new DomainException($"{EnGb.List(grouped)} each have a peer group: say which force with --force."),
            _ => await ForceArea.DefaultAsync(db, cancellationToken) ?? throw new DomainException("The store holds no force yet: import its data.police.uk files first."),
        };
    }

    /// <summary>The peers in the group of the force <paramref name="forceId"/> on <paramref name="day"/>, by name.</summary>
    public static async Task<IReadOnlyList<Area>> OnAsync(ScrutineerDb db, int forceId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var links = await db.PeerLinks.AsNoTracking().Include(l => l.Peer).Where(l => l.ForceId == forceId && l.From <= day && (l.To == null || l.To >= day))
            .ToListAsync(cancellationToken);
        return links.Select(l => l.Peer).DistinctBy(p => p.Id).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The dated table of <paramref name="force"/>'s group: every link, current and past, by peer and start.</summary>
    /// <exception cref="DomainException">No such force.</exception>
    public static async Task<IReadOnlyList<PeerLink>> TableAsync(ScrutineerDb db, string force, CancellationToken cancellationToken = default)
    {
        var area = await FindForceAsync(db, force, cancellationToken);
        var links = await db.PeerLinks.AsNoTracking().Include(l => l.Peer).Include(l => l.Force).Where(l => l.ForceId == area.Id).ToListAsync(cancellationToken);
        return links.OrderBy(l => l.Peer.Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.From).ToList();
    }

    /// <summary>Adds <paramref name="peer"/> to <paramref name="force"/>'s group from <paramref name="from"/>. An audited change under the acting account.</summary>
    /// <exception cref="DomainException">No such force or peer, the force itself, or the peer is in the group on or after that day already.</exception>
    public static async Task<PeerLink> AddAsync(ScrutineerDb db, string force, string peer, DateOnly from, CancellationToken cancellationToken = default)
    {
        var forceArea = await FindForceAsync(db, force, cancellationToken);
        var peerArea = await FindForceAsync(db, Named(peer, "add"), cancellationToken);
        var links = await db.PeerLinks.Where(l => l.ForceId == forceArea.Id && l.PeerId == peerArea.Id).ToListAsync(cancellationToken);
        if (links.FirstOrDefault(l => l.Overlaps(from, null)) is { } clash)
        {
            throw new DomainException(clash.To is null
                ? $"{peerArea.Name} is already in {forceArea.Name}'s peer group (since {clash.From.ToString("d MMMM yyyy", EnGb.Culture)})."
                : $"{peerArea.Name} is in {forceArea.Name}'s peer group until {clash.To.Value.ToString("d MMMM yyyy", EnGb.Culture)}: add it from a later day.");
        }

        var link = new PeerLink(await db.Areas.SingleAsync(a => a.Id == forceArea.Id, cancellationToken), await db.Areas.SingleAsync(a => a.Id == peerArea.Id, cancellationToken), from, null);
        db.PeerLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    /// <summary>Takes <paramref name="peer"/> out of <paramref name="force"/>'s group after <paramref name="lastDay"/>. An audited change under the acting account.</summary>
    /// <exception cref="DomainException">No such force or peer, or the peer is not in the group now.</exception>
    public static async Task<PeerLink> EndAsync(ScrutineerDb db, string force, string peer, DateOnly lastDay, CancellationToken cancellationToken = default)
    {
        var forceArea = await FindForceAsync(db, force, cancellationToken);
        var peerArea = await FindForceAsync(db, Named(peer, "take out of the group"), cancellationToken);
        var link = await db.PeerLinks.Include(l => l.Peer).Include(l => l.Force)
            .Where(l => l.ForceId == forceArea.Id && l.PeerId == peerArea.Id && l.To == null).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainException($"{peerArea.Name} is not in {forceArea.Name}'s peer group now: there is nothing to end.");
        link.End(lastDay);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    /// <summary>What an edit did, in the words both front doors show: "Kent Police is in Essex Police's peer group from 1 April 2026."</summary>
    public static string Describe(PeerLink link) => link.To is { } last
        ? $"{link.Peer.Name} leaves {link.Force.Name}'s peer group after {last.ToString("d MMMM yyyy", EnGb.Culture)}."
        : $"{link.Peer.Name} is in {link.Force.Name}'s peer group from {link.From.ToString("d MMMM yyyy", EnGb.Culture)}.";

    private static string Named(string? peer, string action) =>
        string.IsNullOrWhiteSpace(peer) ? throw new DomainException($"Select the force to {action}.") : peer;
}
