using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Accounts;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Web.Pages.Account;

/// <summary>The signed-in account's read-only API tokens: create one (its secret shown once), see them, revoke one.</summary>
public sealed class ApiTokensModel(ScrutineerDb db, TimeProvider clock, ILogger<ApiTokensModel> log) : ScrutineerPageModel
{
    /// <summary>The lifetimes offered, in days.</summary>
    public static readonly int[] Lifetimes = [30, 90, 365];

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just created; shown once, never stored.</summary>
    public string? NewSecret { get; private set; }

    public string? NewName { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int Days { get; set; } = 90;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await AttemptAsync(async () =>
    {
        if (!Lifetimes.Contains(Days))
        {
            Days = 90;
        }

        var today = UkClock.Today(clock);
        var (token, secret) = await ApiTokens.CreateAsync(db, Me.UserName, Name ?? "", today.AddDays(Days), clock.GetUtcNow(), ct);
        log.LogInformation("API token {Token} created by {User}", token.Name, Me.UserName);
        NewSecret = secret;
        NewName = token.Name;
        Name = null;
        await LoadAsync(ct);
        return Page();
    }, async () =>
    {
        await LoadAsync(ct);
        return Page();
    }, nameof(Name));

    public async Task<IActionResult> OnPostRevokeAsync(int? tokenId, CancellationToken ct) => await AttemptAsync(async () =>
    {
        var token = await ApiTokens.RevokeAsync(db, Me.Id, tokenId ?? 0, clock.GetUtcNow(), ct);
        log.LogInformation("API token {Token} revoked by {User}", token.Name, Me.UserName);
        Notice($"The token '{token.Name}' was revoked: it no longer works.");
        return Redirect("/account/api-tokens");
    }, async () =>
    {
        await LoadAsync(ct);
        return Page();
    });

    private async Task LoadAsync(CancellationToken ct) => Tokens = await ApiTokens.ListAsync(db, Me.Id, ct);
}
