using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Performance;

/// <summary>
/// The peer groups of most similar forces: who is in a force's group on a day, the dated table, and the analysts' edits
/// of a group (by default the default force's, <see cref="ForceArea"/>): adding a peer from a day, ending a peer's
/// membership on a day, and removing a link made by mistake. Additions and ends are dated like the imported table, so
/// comparisons of past periods keep the group that stood then; a removal takes the link out as if it had never been.
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
            ? NoForce
            : match.Ambiguous ? $"'{name}' could be {string.Join(" or ", match.Candidates)}: name the force in full."
            : $"No force called '{name}'. Forces in the store: {string.Join(", ", forces.Select(f => f.Name).Order(StringComparer.OrdinalIgnoreCase))}.");
    }

    /// <summary>
    /// The force a comparison, an edit or a listing means: <paramref name="given"/> when named, else the default force
    /// (<see cref="ForceArea"/>: the plan's force, else the one force with a peer group, else the force with most figures).
    /// </summary>
    /// <exception cref="DomainException">Nothing named and no force in the store.</exception>
    public static async Task<string> ForceOrDefaultAsync(ScrutineerDb db, string? given, CancellationToken cancellationToken = default) =>
        !string.IsNullOrWhiteSpace(given) ? given.Trim()
        : await ForceArea.DefaultAsync(db, cancellationToken) ?? throw new DomainException(NoForce);

    /// <summary>What every front door says when the store holds no force.</summary>
    public const string NoForce = "The store holds no force yet: import its data.police.uk files first.";

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

    /// <summary>Every force's group as one dated table: by force, peer and start.</summary>
    public static async Task<IReadOnlyList<PeerLink>> EveryAsync(ScrutineerDb db, CancellationToken cancellationToken = default)
    {
        var links = await db.PeerLinks.AsNoTracking().Include(l => l.Peer).Include(l => l.Force).ToListAsync(cancellationToken);
        return links.OrderBy(l => l.Force.Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Peer.Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.From).ToList();
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

    /// <summary>
    /// Removes <paramref name="peer"/>'s link to <paramref name="force"/>'s group that starts on <paramref name="from"/>
    /// (or its only link when no day is given), as if it had never been made: for a peer added or imported by mistake.
    /// An audited change under the acting account.
    /// </summary>
    /// <exception cref="DomainException">No such force or peer, no such link, or several links and no day to choose one.</exception>
    public static async Task<PeerLink> RemoveAsync(ScrutineerDb db, string force, string peer, DateOnly? from, CancellationToken cancellationToken = default)
    {
        var forceArea = await FindForceAsync(db, force, cancellationToken);
        var peerArea = await FindForceAsync(db, Named(peer, "remove"), cancellationToken);
        var links = (await db.PeerLinks.Include(l => l.Peer).Include(l => l.Force).Where(l => l.ForceId == forceArea.Id && l.PeerId == peerArea.Id)
            .ToListAsync(cancellationToken)).OrderBy(l => l.From).ToList();
        var link = links.Count switch
        {
            0 => throw new DomainException($"{peerArea.Name} has never been in {forceArea.Name}'s peer group: there is nothing to remove."),
            _ when from is { } day => links.FirstOrDefault(l => l.From == day) ?? throw new DomainException(
                $"{peerArea.Name} did not join {forceArea.Name}'s peer group on {Day(day)}: it joined on {EnGb.List(links.Select(l => Day(l.From)).ToList())}."),
            1 => links[0],
            _ => throw new DomainException(
                $"{peerArea.Name} joined {forceArea.Name}'s peer group {links.Count} times ({EnGb.List(links.Select(l => Day(l.From)).ToList())}): give the first day of the one to remove."),
        };
        db.PeerLinks.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
        return link;
    }

    /// <summary>What a removal did, in the words both front doors show.</summary>
    public static string DescribeRemoval(PeerLink link) =>
        $"{link.Peer.Name}'s place in {link.Force.Name}'s peer group from {Day(link.From)} is removed, as if it had never been added.";

    /// <summary>What an edit did, in the words both front doors show: "Kent Police is in Essex Police's peer group from 1 April 2026."</summary>
    public static string Describe(PeerLink link) => link.To is { } last
        ? $"{link.Peer.Name} leaves {link.Force.Name}'s peer group after {last.ToString("d MMMM yyyy", EnGb.Culture)}."
        : $"{link.Peer.Name} is in {link.Force.Name}'s peer group from {link.From.ToString("d MMMM yyyy", EnGb.Culture)}.";

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", EnGb.Culture);

    private static string Named(string? peer, string action) =>
        string.IsNullOrWhiteSpace(peer) ? throw new DomainException($"Select the force to {action}.") : peer;
}
