using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Pages.Updates;

/// <summary>A strand's lead writes (or rewrites after a return) the strand's narrative for a round's quarter, then saves or submits it.</summary>
public sealed class NarrativeModel(ScrutineerDb db, TimeProvider clock, Application.Notifications.NotifySettings notify, ILogger<NarrativeModel> log) : ScrutineerPageModel
{
    public ReportingRound Round { get; private set; } = null!;

    public ThematicStrand Strand { get; private set; } = null!;

    public StrandNarrative? Narrative { get; private set; }

    /// <summary>The OFFICIAL part: it may be published, and refuses a typed protective marking.</summary>
    [BindProperty]
    [Display(Name = "Commentary (OFFICIAL)")]
    public string? Commentary { get; set; }

    /// <summary>The OFFICIAL-SENSITIVE part (optional).</summary>
    [BindProperty]
    [Display(Name = "OFFICIAL-SENSITIVE commentary")]
    public string? SensitiveCommentary { get; set; }

    /// <summary>Whether this account may read (and so write) the narrative's OFFICIAL-SENSITIVE part (<see cref="NeedToKnow"/>).</summary>
    public bool ReadsSensitive { get; private set; }

    [BindProperty]
    public DeliveryStatus? Status { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public bool CanChange => Round.IsOpen && Narrative?.State is null or UpdateState.Draft or UpdateState.Returned;

    public UpdateForm Form => new(Version, Commentary, SensitiveCommentary, ReadsSensitive, Status, "narrative", "strategy report");

    public async Task<IActionResult> OnGetAsync(int roundId, int strandId, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, strandId, ct))
        {
            return NotFound();
        }

        Commentary = Narrative?.CommentaryText;
        SensitiveCommentary = ReadsSensitive ? Narrative?.SensitiveCommentaryText : null;
        Status = Narrative?.Status;
        Version = Narrative?.Version ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int roundId, int strandId, string? action, CancellationToken ct)
    {
        if (!await LoadAsync(roundId, strandId, ct))
        {
            return NotFound();
        }

        var submit = string.Equals(action, "submit", StringComparison.Ordinal);
        // Every problem at once, in the form's order (the writer's rule, as for updates).
        var sensitiveToStore = ReadsSensitive ? Domain.QuarterlyUpdates.Commentary.Parse(SensitiveCommentary) : Narrative?.SensitiveCommentary;
        var official = Domain.QuarterlyUpdates.Commentary.Parse(Commentary);
        foreach (var (field, message) in ReviewedUpdate.CheckWriting(official, sensitiveToStore, Status, submit, Narrative is not null, "narrative"))
        {
            ModelState.AddModelError(field, message);
        }

        if (Narrative is not null && Narrative.Version != Version)
        {
            ModelState.AddModelError(nameof(Commentary), "Someone else saved this narrative while you were writing, so your text was not saved. Copy your text, reload the page and save again.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await AttemptAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var sensitive = ReadsSensitive ? Domain.QuarterlyUpdates.Commentary.Parse(SensitiveCommentary) : null;
            var narrative = await StrandNarratives.WriteAsync(db, Round, Strand, official, sensitive, Status, Me.DisplayName, now, ct);
            if (submit)
            {
                narrative.Submit(Round, Me.DisplayName, now);
                await Application.Notifications.HandOffNotices.SubmittedAsync(db, narrative, Me.DisplayName, notify, now, ct);
            }

            await db.SaveChangesAsync(ct);
            log.LogInformation("Narrative {NarrativeId} for strand {StrandId} {Outcome} by {User}", narrative.Id, Strand.Id, submit ? "submitted" : "saved", Me.UserName);
            Notice(submit ? $"Narrative for {Strand.Title} submitted for review." : $"Draft narrative for {Strand.Title} saved.");
            return Redirect("/updates");
        }, () => Task.FromResult<IActionResult>(Page()), nameof(Commentary));
    }

    /// <summary>Loads the round and strand; false (→ 404) unless the account leads the strand.</summary>
    private async Task<bool> LoadAsync(int roundId, int strandId, CancellationToken ct)
    {
        if (!UpdateAccess.CanWriteNarrative(Me, strandId))
        {
            return false;
        }

        var round = await db.Rounds.Include(r => r.Plan).SingleOrDefaultAsync(r => r.Id == roundId, ct);
        var strand = await db.Strands.SingleOrDefaultAsync(s => s.Id == strandId, ct);
        if (round is null || strand is null)
        {
            return false;
        }

        Round = round;
        Strand = strand;
        Narrative = await StrandNarratives.FindAsync(db, roundId, strandId, ct);
        ReadsSensitive = NeedToKnow.CanReadNarrativeSensitive(Me.Reader, strandId, Narrative?.State ?? UpdateState.Draft);
        return true;
    }
}
