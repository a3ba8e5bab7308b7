using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Web.Pages.Data;

/// <summary>
/// A force's peer group (analysts and administrators): the dated table of the most similar forces of the force chosen
/// (by default <see cref="ForceArea"/>'s, the force every figure page is about), a form to add a peer from a day, one to
/// take a peer out after a last day, and one to remove a link made by mistake. Every change goes through
/// <see cref="PeerGroups"/>, the rule behind <c>scrutineer peers add|end|remove</c>; additions and ends are dated like
/// the imported table (so comparisons of past periods keep the group that stood then); all are in the audit trail.
/// </summary>
public sealed class PeersModel(ScrutineerDb db, TimeProvider clock, ILogger<PeersModel> log) : ScrutineerPageModel
{
    private const string AddLegend = "First day in the group";
    private const string EndLegend = "Last day in the group";

    /// <summary>The force whose group this is, or null when the store holds no force.</summary>
    public string? Force { get; private set; }

    /// <summary>The force asked for (query or form field <c>force</c>); the default force when empty.</summary>
    [BindProperty(SupportsGet = true, Name = "force")]
    public string? Chosen { get; set; }

    /// <summary>Every force the store holds, for the force selector.</summary>
    public IReadOnlyList<string> Forces { get; private set; } = [];

    /// <summary>The link to remove: the peer's name and its first day, "Kent Police|2020-04-01".</summary>
    [BindProperty]
    public string? RemoveLink { get; set; }

    /// <summary>Every link of the group, current and past, by peer and start.</summary>
    public IReadOnlyList<PeerLink> Links { get; private set; } = [];

    /// <summary>Forces in the store that are not in the group today (and not the force itself): those that can be added.</summary>
    public IReadOnlyList<string> Addable { get; private set; } = [];

    /// <summary>The peers with no last day yet (in the group now or from a later day): those whose membership can be ended.</summary>
    public IReadOnlyList<string> Current { get; private set; } = [];

    /// <summary>The force to add.</summary>
    [BindProperty]
    public string? AddPeer { get; set; }

    /// <summary>The first day in the group.</summary>
    [BindProperty]
    public DateInputModel AddFrom { get; set; } = new();

    /// <summary>The peer to take out of the group.</summary>
    [BindProperty]
    public string? EndPeer { get; set; }

    /// <summary>The peer's last day in the group.</summary>
    [BindProperty]
    public DateInputModel EndOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = UkClock.Today(clock);
        AddFrom = DateInputModel.Of(nameof(AddFrom), AddLegend, today);
        EndOn = DateInputModel.Of(nameof(EndOn), EndLegend, today);
        return await ShowAsync(ct);
    }

    /// <summary>Adds the chosen force to the group from the day given.</summary>
    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        EditAsync(AddPeer, nameof(AddPeer), "Select the force to add", AddFrom, async (force, day) =>
        {
            var link = await PeerGroups.AddAsync(db, force, AddPeer!, day, ct);
            log.LogInformation("{User} added {Peer} to {Force}'s peer group from {From}", Me.UserName, link.Peer.Name, link.Force.Name, day);
            return PeerGroups.Describe(link);
        }, ct);

    /// <summary>Takes the chosen peer out of the group after the day given.</summary>
    public Task<IActionResult> OnPostEndAsync(CancellationToken ct) =>
        EditAsync(EndPeer, nameof(EndPeer), "Select the force to take out of the group", EndOn, async (force, day) =>
        {
            var link = await PeerGroups.EndAsync(db, force, EndPeer!, day, ct);
            log.LogInformation("{User} ended {Peer}'s membership of {Force}'s peer group on {To}", Me.UserName, link.Peer.Name, link.Force.Name, day);
            return PeerGroups.Describe(link);
        }, ct);

    /// <summary>Removes the chosen link, as if it had never been made.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        Label();
        var parts = (RemoveLink ?? "").Split('|');
        if (parts.Length != 2 || string.IsNullOrWhiteSpace(parts[0])
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var from))
        {
            ModelState.AddModelError(nameof(RemoveLink), "Select the link to remove");
            return await ShowAsync(ct);
        }

        return await AttemptAsync(async () =>
        {
            var link = await PeerGroups.RemoveAsync(db, await GroupForceAsync(ct), parts[0], from, ct);
            log.LogInformation("{User} removed {Peer}'s link to {Force}'s peer group from {From}", Me.UserName, link.Peer.Name, link.Force.Name, from);
            Notice(PeerGroups.DescribeRemoval(link));
            return RedirectToPage(new { force = link.Force.Name });
        }, () => ShowAsync(ct), nameof(RemoveLink));
    }

    /// <summary>
    /// Checks the form's peer and date (GOV.UK errors against each, in field order), then makes the edit on the default
    /// group and shows what it did, or the rule it broke against the peer field.
    /// </summary>
    private Task<IActionResult> EditAsync(string? peer, string peerField, string missing, DateInputModel date, Func<string, DateOnly, Task<string>> edit, CancellationToken ct)
    {
        Label();
        if (string.IsNullOrWhiteSpace(peer))
        {
            ModelState.AddModelError(peerField, missing);
        }

        var day = date.Parse(out var error);
        if (error is not null)
        {
            ModelState.AddModelError(date.Name, error);
        }

        if (!ModelState.IsValid || day is not { } on)
        {
            return ShowAsync(ct);
        }

        return AttemptAsync(async () =>
        {
            var force = await GroupForceAsync(ct);
            Notice(await edit(force, on));
            return RedirectToPage(new { force });
        }, () => ShowAsync(ct), peerField);
    }

    /// <summary>The force whose group a post edits: the one chosen, else the default force (the one shown).</summary>
    private async Task<string> GroupForceAsync(CancellationToken ct) =>
        (await PeerGroups.FindForceAsync(db, await PeerGroups.ForceOrDefaultAsync(db, Chosen, ct), ct)).Name;

    /// <summary>The date inputs' names and legends, which a post does not carry.</summary>
    private void Label()
    {
        AddFrom.Name = nameof(AddFrom);
        AddFrom.Legend = AddLegend;
        EndOn.Name = nameof(EndOn);
        EndOn.Legend = EndLegend;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Forces = (await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Force).Select(a => a.Name).ToListAsync(ct)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        Force = await ForceArea.DefaultAsync(db, ct);
        if (!string.IsNullOrWhiteSpace(Chosen))
        {
            try
            {
                Force = (await PeerGroups.FindForceAsync(db, Chosen, ct)).Name;
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError("force", ex.Message);
            }
        }

        if (Force is null)
        {
            return Page();
        }

        var today = UkClock.Today(clock);
        Links = await PeerGroups.TableAsync(db, Force, ct);
        Current = Links.Where(l => l.To is null).Select(l => l.Peer.Name).Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
        var inGroup = Links.Where(l => l.CoversDay(today)).Select(l => l.Peer.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Addable = (await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.Force && a.Name != Force).Select(a => a.Name).ToListAsync(ct))
            .Where(n => !inGroup.Contains(n)).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return Page();
    }
}
