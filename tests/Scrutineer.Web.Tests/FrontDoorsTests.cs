extern alias cli;

using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Testing;
using CliApp = cli::Scrutineer.Cli.CliApp;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The rules the web and the command line share, driven through both front doors on one demo store: each door must give
/// the same answer, because both call the one rule in the application layer (docs/ARCHITECTURE.md). Each test has a
/// site of its own (the demo's today: 22 April 2024, the Q4 2023/24 round open and past its 19 April deadline).
/// </summary>
public sealed partial class FrontDoorsTests : IAsyncLifetime
{
    private const string Period = "Q4 2023/24";
    private readonly DemoSite site = new();

    public Task InitializeAsync() => site.InitializeAsync();

    public Task DisposeAsync() => site.DisposeAsync();

    [Theory]
    [InlineData("close", "Close", true, "The Q4 2023/24 round is closed, so it cannot be closed.")]
    [InlineData("reopen", "Reopen", false, "The Q4 2023/24 round is open already.")]
    public async Task RoundChange_RefusedByTheRound_SameRefusalOnBothDoors(string command, string handler, bool closeFirst, string refusal)
    {
        var round = await site.OpenRoundIdAsync();
        var analyst = await site.SignInAsync("analyst");
        if (closeFirst)
        {
            Assert.Equal(0, (await CliAsync("round", "close", "--period", Period)).ExitCode);
        }

        var cli = await CliAsync("round", command, "--period", Period);
        var web = await RoundActionAsync(analyst, round, handler);

        Assert.Equal(1, cli.ExitCode);
        Assert.Equal("error: " + refusal, cli.Error.Trim());
        AssertShows(web, refusal);
    }

    [Fact]
    public async Task Publish_UpdatesOutstanding_SameRefusalAndListOnBothDoors()
    {
        var round = await site.OpenRoundIdAsync();
        var analyst = await site.SignInAsync("analyst");
        Assert.Equal(0, (await CliAsync("round", "close", "--period", Period)).ExitCode);

        var cli = await CliAsync("round", "publish", "--period", Period);
        var web = await RoundActionAsync(analyst, round, "Publish");

        Assert.Equal(1, cli.ExitCode);
        var errors = cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var summary = Regex.Match(errors[^1], @"^error: (The Q4 2023/24 round is not ready to publish: .+\.) Review them, or publish anyway with --accept-outstanding\.$");
        Assert.True(summary.Success, errors[^1]);
        AssertShows(web, summary.Groups[1].Value);

        // The same updates, in the same order: the command line's "3.2 SCD submitted (awaiting review)", the page's table rows.
        var cliCommitments = errors.Skip(1).SkipLast(1)
            .Where(l => !l.TrimStart().StartsWith("figures check:", StringComparison.Ordinal) && !l.TrimStart().StartsWith("strand narrative:", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ')[0]).ToList();
        var table = NotReadyTable().Match(web).Groups[1].Value;
        var webCommitments = Row().Matches(table).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).ToList();
        Assert.True(cliCommitments.Count > 10, $"Expected the demo's outstanding updates; the command line listed {cliCommitments.Count}.");
        Assert.Equal(cliCommitments, webCommitments);

        // Strand narratives written but not approved hold the round back too, the same on both doors.
        var cliStrands = errors.Where(l => l.TrimStart().StartsWith("strand narrative:", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        await using var db = site.Db();
        var unapproved = await db.StrandNarratives.CountAsync(n => n.RoundId == round && n.State != Domain.QuarterlyUpdates.UpdateState.Approved);
        Assert.True(unapproved > 0, "The demo's Q4 round should hold narratives that are not approved.");
        Assert.Equal(unapproved, cliStrands.Count);
        Assert.Contains($"{unapproved} strand narratives are not approved", summary.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("Strand narratives not approved (" + unapproved + ")", web, StringComparison.Ordinal);
        Assert.Equal(Domain.QuarterlyUpdates.RoundState.Closed, (await db.Rounds.FindAsync(round))!.State);
    }

    [Fact]
    public async Task Overdue_RoundOpenPastDeadlineThenClosed_SameUnitsOnBothDoors()
    {
        var round = await site.OpenRoundIdAsync();
        var analyst = await site.SignInAsync("analyst");

        var cli = await OverdueByCliAsync();
        var web = await OverdueByWebAsync(analyst, round);
        Assert.True(cli.Count > 3, $"Expected the demo's overdue units; the command line listed {cli.Count}.");
        Assert.Equal(cli, web);

        // A closed round chases nobody, at either door.
        Assert.Equal(0, (await CliAsync("round", "close", "--period", Period)).ExitCode);
        Assert.Empty(await OverdueByCliAsync());
        Assert.Empty(await OverdueByWebAsync(analyst, round));
    }

    [Fact]
    public async Task ReportCatalogue_SameReportsOnBothDoors()
    {
        var analyst = await site.SignInAsync("analyst");

        var help = await CliAsync("report", "--help");
        var page = await analyst.GetStringAsync("/reports");

        Assert.True(help.ExitCode == 0, help.Error);
        var commands = Subcommand().Matches(help.Out[help.Out.IndexOf("Commands:", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).Except(["check", "closure-text"]).ToList();
        var offered = ReportChoice().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["quarterly", "strategy", "closure"], offered);
        Assert.Equal(offered, commands);
    }

    private Task<CliRun> CliAsync(params string[] args) => CliRunAsync(site.Clock, [.. args, "--db", site.Store.DbArgument]);

    private static async Task<CliRun> CliRunAsync(TimeProvider clock, string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, clock);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<string> RoundActionAsync(HttpClient analyst, int round, string handler)
    {
        var response = await DemoSite.PostFormAsync(analyst, $"/rounds/{round}", new(), $"/rounds/{round}?handler={handler}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static void AssertShows(string html, string message) =>
        Assert.True(html.Contains(HtmlEncoder.Default.Encode(message), StringComparison.Ordinal), $"The page does not show \"{message}\".");

    /// <summary>Overdue updates per unit, as <c>round status --overdue</c> lists them.</summary>
    private async Task<Dictionary<string, int>> OverdueByCliAsync()
    {
        var run = await CliAsync("round", "status", "--period", Period, "--overdue", "--format", "csv");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("unit,name,overdue_updates", run.Lines[0]);
        return run.Lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0], f => int.Parse(f[^1], Domain.Common.EnGb.Culture));
    }

    /// <summary>Overdue updates per unit, as the round's outstanding list on the web marks them.</summary>
    private static async Task<Dictionary<string, int>> OverdueByWebAsync(HttpClient analyst, int round)
    {
        var csv = (await analyst.GetStringAsync($"/rounds/{round}/outstanding.csv")).TrimStart('\uFEFF');
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.NotEmpty(rows);
        return rows.Where(r => r.EndsWith(",yes", StringComparison.Ordinal))
            .GroupBy(r => r.Split(',')[0]).ToDictionary(g => g.Key, g => g.Count());
    }

    [GeneratedRegex(@"<table[^>]*id=""not-ready""[\s\S]*?<tbody[^>]*>([\s\S]*?)</tbody>")]
    private static partial Regex NotReadyTable();

    [GeneratedRegex(@"<tr class=""govuk-table__row"">\s*<td class=""govuk-table__cell"">([^<]*)</td>")]
    private static partial Regex Row();

    [GeneratedRegex(@"^\s{2}([a-z][a-z-]*)\s", RegexOptions.Multiline)]
    private static partial Regex Subcommand();

    [GeneratedRegex(@"name=""report"" type=""radio"" value=""([a-z-]+)""")]
    private static partial Regex ReportChoice();
}
