using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// One line of the dated table of most similar forces: <see cref="Peer"/> is in <see cref="Force"/>'s peer group from
/// <see cref="From"/> to <see cref="To"/> (both inclusive; no end while current). Both are force-level areas, as
/// data.police.uk's "Falls within" names them.
/// </summary>
public sealed class PeerLink
{
    private PeerLink()
    {
    }

    /// <summary>Puts <paramref name="peer"/> in <paramref name="force"/>'s group from <paramref name="from"/> to <paramref name="to"/> (inclusive; null while current).</summary>
    /// <exception cref="DomainException">Either is not a force, a force is named as its own peer, or the end is before the start.</exception>
    public PeerLink(Area force, Area peer, DateOnly from, DateOnly? to)
    {
        if (force.Level != AreaLevel.Force || peer.Level != AreaLevel.Force)
        {
            throw new DomainException($"A peer group links forces: '{(force.Level != AreaLevel.Force ? force.Name : peer.Name)}' is not a force.");
        }

        if (ReferenceEquals(force, peer) || (force.Id != 0 && force.Id == peer.Id) || string.Equals(force.Name, peer.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException($"{force.Name} cannot be its own peer.");
        }

        if (to is { } end && end < from)
        {
            throw new DomainException($"The peer link ends ({end:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        Force = force;
        Peer = peer;
        From = from;
        To = to;
    }

    /// <summary>Store key.</summary>
    public int Id { get; private set; }

    /// <summary>The force whose group this is: its key.</summary>
    public int ForceId { get; private set; }

    /// <summary>The force whose group this is.</summary>
    public Area Force { get; private set; } = null!;

    /// <summary>The peer's key.</summary>
    public int PeerId { get; private set; }

    /// <summary>The similar force.</summary>
    public Area Peer { get; private set; } = null!;

    /// <summary>The first day the peer is in the group (inclusive).</summary>
    public DateOnly From { get; private set; }

    /// <summary>The last day the peer is in the group (inclusive), or null while current.</summary>
    public DateOnly? To { get; private set; }

    /// <summary>True when the peer is in the group on <paramref name="day"/>.</summary>
    public bool CoversDay(DateOnly day) => From <= day && (To is null || day <= To);

    /// <summary>True when this link and one from <paramref name="from"/> to <paramref name="to"/> share a day.</summary>
    public bool Overlaps(DateOnly from, DateOnly? to) => From <= (to ?? DateOnly.MaxValue) && from <= (To ?? DateOnly.MaxValue);

    /// <summary>Takes the peer out of the group after <paramref name="lastDay"/> (an analyst's edit of the default group).</summary>
    /// <exception cref="DomainException">The link has already ended, or the last day is before it started.</exception>
    public void End(DateOnly lastDay)
    {
        if (To is { } ended)
        {
            throw new DomainException($"{Peer.Name} already left {Force.Name}'s peer group on {ended.ToString("d MMMM yyyy", EnGb.Culture)}.");
        }

        if (lastDay < From)
        {
            throw new DomainException($"{Peer.Name} joined {Force.Name}'s peer group on {From.ToString("d MMMM yyyy", EnGb.Culture)}: it cannot leave before then. If it was added by mistake, remove it from the group instead.");
        }

        To = lastDay;
    }
}
