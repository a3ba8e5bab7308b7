using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Notifications;
using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary>Settings and days that do not fit, and the dead-letter list sent again once they are mended.</summary>
public sealed partial class NotifyCommandTests
{
    [Fact]
    public async Task Run_ServerWithoutStartTls_SaysWhyOnOneLine_RecordsTheAttempt_AndRetrySendsOnceMended()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();

        // The test server offers no STARTTLS; the default security asks for it.
        var refused = await RunAsync(store, smtp, new Dictionary<string, string> { ["Smtp:Security"] = "StartTls" }, "notify", "run", "--today", "2024-04-18");
        var pending = await Cli.RunAsync("notify", "list", "--state", "pending", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(1, refused.ExitCode);
        Assert.DoesNotContain("   at ", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", refused.Error, StringComparison.Ordinal);
        Assert.Contains("could not be sent and will be tried again; 0 went on the dead-letter list. See why: scrutineer notify list --state pending", refused.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Received());
        var failed = pending.Lines.Skip(1).ToList();
        Assert.NotEmpty(failed);
        Assert.Contains(failed, l => l.Contains("STARTTLS", StringComparison.Ordinal) && l.Contains("Check Smtp:Security", StringComparison.Ordinal) && l.Contains(",1,", StringComparison.Ordinal));

        // Five refusals put a notice on the dead-letter list (the back-off is hours long, so the store stands in for the wait).
        await using (var db = store.Open())
        {
            await db.Notices.ExecuteUpdateAsync(s => s.SetProperty(n => n.State, NoticeState.Dead).SetProperty(n => n.Attempts, Notice.MostAttempts));
        }

        var notDead = await Cli.RunAsync("notify", "retry", "--id", "999999", "--db", store.DbArgument);
        var retried = await Cli.RunAsync("notify", "retry", "--db", store.DbArgument);
        var sent = await RunAsync(store, smtp, "notify", "run", "--today", "2024-04-18");
        var empty = await Cli.RunAsync("notify", "retry", "--db", store.DbArgument);
        await using (var db = store.Open())
        {
            var sentOne = await db.Notices.Select(n => n.Id).FirstAsync();
            var again = await Cli.RunAsync("notify", "retry", "--id", sentOne.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", store.DbArgument);
            Assert.Equal(1, again.ExitCode);
            Assert.Contains($"Notice {sentOne} is sent, not on the dead-letter list: only those are sent again.", again.Error, StringComparison.Ordinal);
            Assert.All(await db.Notices.ToListAsync(), n => Assert.Equal((NoticeState.Sent, 1), (n.State, n.Attempts)));
        }

        Assert.Equal(1, notDead.ExitCode);
        Assert.Contains("There is no notice 999999: see scrutineer notify list --state dead.", notDead.Error, StringComparison.Ordinal);
        Assert.Contains($"{failed.Count} notices back in the outbox: the next 'scrutineer notify run' sends them.", retried.Out, StringComparison.Ordinal);
        Assert.Equal(0, sent.ExitCode);
        Assert.Equal(failed.Count, smtp.Received().Count);
        Assert.Contains("The dead-letter list is empty: nothing to send again.", empty.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoMailServerListening_RecordsWhyInPlainWords_NoExceptionName()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        var smtp = await SmtpTestServer.StartAsync();
        var port = smtp.Port;
        await smtp.DisposeAsync(); // nothing listens on the port any more

        var run = await RunAsync(store, smtp, "notify", "run", "--today", "2024-04-18");
        var pending = await Cli.RunAsync("notify", "list", "--state", "pending", "--format", "csv", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("internal error", run.Error, StringComparison.Ordinal);
        var failed = pending.Lines.Skip(1).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, l => Assert.Contains($"Could not connect to the mail server 127.0.0.1:{port}: connection refused. Check Smtp:Host and Smtp:Port, and that the server is running.", l, StringComparison.Ordinal));
        Assert.DoesNotContain("SocketException", pending.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("Scrutineer")]
    public async Task Run_SenderNotAnEmailAddress_RefusedBeforeAnythingIsQueued(string from)
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);
        await using var smtp = await SmtpTestServer.StartAsync();

        var run = await RunAsync(store, smtp, new Dictionary<string, string> { ["Smtp:From"] = from }, "notify", "run", "--today", "2024-04-18");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: Smtp:From must be an email address, such as 'Scrutineer <scrutineer@force.police.uk>', not '{from}'.", run.Error.Trim());
        await using var db = store.Open();
        Assert.Equal(0, await db.Notices.CountAsync());
    }

    [Fact]
    public async Task List_LimitBelowOne_Refused()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);

        var run = await Cli.RunAsync("notify", "list", "--limit", "0", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--limit must be 1 or more, not 0.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ADayMoreThanAYearAhead_RefusedAndNothingQueued()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await Cli.DemoAsync(store);

        var run = await Cli.RunAsync("notify", "run", "--today", "9999-12-31", "--db", store.DbArgument);
        var preview = await Cli.RunAsync("notify", "preview", "--event", "overdue", "--to", "rita.hale", "--today", "9999-12-31", "--db", store.DbArgument);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: --today 31 December 9999 is more than a year ahead: give a day up to ", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, preview.ExitCode);
        Assert.Contains("error: --today 31 December 9999 is more than a year ahead: give a day up to ", preview.Error, StringComparison.Ordinal);
        await using var db = store.Open();
        Assert.Equal(0, await db.Notices.CountAsync());
    }
}
