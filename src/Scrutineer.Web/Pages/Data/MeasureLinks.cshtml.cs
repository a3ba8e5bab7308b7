using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Web.Pages.Data;

/// <summary>
/// The measures linked to each priority, commitment and strand (analysts and administrators): the list, and for one of
/// them its linked measures with a form to add one from the store's list (optional target and better direction) and a
/// button to remove each. Every change goes through <see cref="MeasureLinks"/>, the rule the plan file uses, and is
/// recorded in the audit trail.
/// </summary>
public sealed class MeasureLinksModel(ScrutineerDb db, ILogger<MeasureLinksModel> log) : ScrutineerPageModel
{
    /// <summary>Every priority, commitment and strand with its linked measures (the list view).</summary>
    public IReadOnlyList<MeasureLinkListing> All { get; private set; } = [];

    /// <summary>The one being changed, or null on the list view.</summary>
    public MeasureLinkListing? Chosen { get; private set; }

    /// <summary>The measures the store holds, for the add form.</summary>
    public IReadOnlyList<string> StoreMeasures { get; private set; } = [];

    /// <summary>"priority-12": which one to show or change.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    /// <summary>The measure to add or remove.</summary>
    [BindProperty]
    public string? Measure { get; set; }

    /// <summary>The target typed, if any.</summary>
    [BindProperty]
    public string? Target { get; set; }

    /// <summary>"lower", "higher", "neither", or empty for the measure's own.</summary>
    [BindProperty]
    public string? Better { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    /// <summary>Links the chosen measure.</summary>
    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        AttemptAsync(async () =>
        {
            var owner = MeasureLinkOwner.Required(Owner);
            await MeasureLinks.AddAsync(db, owner, new LinkedMeasure(Measure ?? "", ParseTarget(Target), ParseBetter(Better)), ct);
            log.LogInformation("{User} linked measure {Measure} to {Owner}", Me.UserName, Measure, owner.Key);
            Notice($"Linked {Measure!.Trim()}.");
            return RedirectToPage(new { owner = owner.Key });
        }, () => ShowAsync(ct), nameof(Measure));

    /// <summary>Unlinks the chosen measure.</summary>
    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) =>
        AttemptAsync(async () =>
        {
            var owner = MeasureLinkOwner.Required(Owner);
            await MeasureLinks.RemoveAsync(db, owner, Measure, ct);
            log.LogInformation("{User} unlinked measure {Measure} from {Owner}", Me.UserName, Measure, owner.Key);
            Notice($"Removed {Measure!.Trim()}.");
            return RedirectToPage(new { owner = owner.Key });
        }, () => ShowAsync(ct), nameof(Measure));

    /// <summary>"1,200" or "" for a target, as the form shows it back.</summary>
    public static string Shown(decimal? target) => target is { } t ? Figures.Number(t, t == decimal.Truncate(t) ? 0 : 1) : "";

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        All = await MeasureLinks.ListAsync(db, ct);
        StoreMeasures = await MeasureLinks.StoreNamesAsync(db, ct);
        if (string.IsNullOrEmpty(Owner))
        {
            return Page();
        }

        var owner = MeasureLinkOwner.Parse(Owner);
        Chosen = owner is null ? null : All.FirstOrDefault(l => l.Owner == owner);
        return Chosen is null && Request.Method == "GET" ? NotFound() : Page();
    }

    private static decimal? ParseTarget(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text.Trim(), System.Globalization.NumberStyles.Number, EnGb.Culture, out var value) && value >= 0
            ? value
            : throw new DomainException($"Enter the target as a number of 0 or more, like 1,200 (you entered '{text.Trim()}'), or leave it empty.");
    }

    private static BetterDirection? ParseBetter(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "lower" => BetterDirection.Lower,
        "higher" => BetterDirection.Higher,
        "neither" => BetterDirection.Neither,
        _ => throw new DomainException("Choose whether lower or higher is better, neither, or the measure's own direction."),
    };
}
