using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Web.Accounts;
using Scrutineer.Web.Quarterly;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Pages.Review;

/// <summary>
/// A reviewer reads one submitted update (its OFFICIAL-SENSITIVE part too, where the need-to-know rule allows) and approves
/// it or returns it with a comment in two parts: OFFICIAL, and optionally OFFICIAL-SENSITIVE.
/// </summary>
public sealed class UpdateModel(ScrutineerDb db, RoundBoard board, TimeProvider clock, Application.Notifications.NotifySettings notify, ILogger<UpdateModel> log) : ReviewPageModel(db, clock, notify)
{
    public QuarterlyUpdate Update { get; private set; } = null!;

    /// <inheritdoc/>
    public override bool ReadsSensitive => Me.ShowsSensitive(Update);

    /// <inheritdoc/>
    public override string Noun => "update";

    /// <inheritdoc/>
    public override string Writer => "the unit";

    /// <inheritdoc/>
    public override string Report => "quarterly report";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        !await LoadAsync(id, ct)
            ? NotFound()
            : await DecideAsync(Update, $"Update on {Update.Commitment.Reference} from {Update.Unit.ShortName}",
                outcome => log.LogInformation("Update {UpdateId} {Decision} by {User}", Update.Id, outcome, Me.UserName), ct);

    /// <inheritdoc/>
    protected override Task ReloadAsync(CancellationToken ct) => LoadAsync(Update.Id, ct);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var update = await board.UpdateAsync(id, ct);
        if (update is null || !UpdateAccess.CanReview(Me, update.Commitment.PriorityId))
        {
            return false;
        }

        Update = update;
        return true;
    }
}
