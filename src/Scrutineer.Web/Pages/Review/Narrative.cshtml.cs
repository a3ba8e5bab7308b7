using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Pages.Review;

/// <summary>A reviewer of a strand reads its lead's submitted narrative and approves it or returns it with a comment.</summary>
public sealed class NarrativeModel(ScrutineerDb db, TimeProvider clock, Application.Notifications.NotifySettings notify, ILogger<NarrativeModel> log) : ReviewPageModel(db, clock, notify)
{
    private readonly ScrutineerDb store = db;

    public StrandNarrative Narrative { get; private set; } = null!;

    /// <inheritdoc/>
    public override bool ReadsSensitive => Me.ShowsSensitive(Narrative);

    /// <inheritdoc/>
    public override string Noun => "narrative";

    /// <inheritdoc/>
    public override string Writer => "the strand's lead";

    /// <inheritdoc/>
    public override string Report => "strategy report";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        !await LoadAsync(id, ct)
            ? NotFound()
            : await DecideAsync(Narrative, $"Narrative for {Narrative.Strand.Title}",
                outcome => log.LogInformation("Narrative {NarrativeId} {Decision} by {User}", Narrative.Id, outcome, Me.UserName), ct);

    /// <inheritdoc/>
    protected override Task ReloadAsync(CancellationToken ct) => LoadAsync(Narrative.Id, ct);

    /// <summary>Loads the narrative; false (→ 404) unless the account reviews its strand.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        StrandNarrative narrative;
        try
        {
            narrative = await StrandNarratives.GetAsync(store, id, ct);
        }
        catch (DomainException)
        {
            return false;
        }

        if (!UpdateAccess.CanReviewNarrative(Me, narrative.StrandId))
        {
            return false;
        }

        Narrative = narrative;
        return true;
    }
}
