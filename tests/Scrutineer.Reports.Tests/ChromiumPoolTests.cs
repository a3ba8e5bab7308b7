using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// The warm Chromium's limits: a print beyond the queue is refused with a message for the user, and the limits are
/// checked; the very same page asked for while it prints is printed once and shared.
/// </summary>
public sealed class ChromiumPoolTests
{
    [Fact]
    public async Task Print_QueueFull_RefusedSayingWhatToDo()
    {
        await using var pool = new ChromiumPool(PdfPrintLimits.Default with { Prints = 1, Queue = 0 });
        var page = new Uri("data:text/html,<p>Printed</p>");

        var first = pool.PrintAsync(page, CancellationToken.None);
        var refusal = await Assert.ThrowsAsync<DomainException>(() => pool.PrintAsync(page, CancellationToken.None));

        Assert.Equal("The server is printing as many PDFs as it takes at once (1 printing, 0 waiting). Try again in a minute, or choose DOCX or HTML.", refusal.Message);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await first, 0, 5), StringComparison.Ordinal);
        Assert.Equal(1, pool.BrowsersStarted);
    }

    [Fact]
    public async Task Print_SamePageAskedForWhileItWaits_PrintedOnceAndShared()
    {
        await using var pool = new ChromiumPool(PdfPrintLimits.Default with { Prints = 1, Queue = 4 });
        var folder = Directory.CreateTempSubdirectory("scrutineer-pool-").FullName;
        try
        {
            const string report = "<!DOCTYPE html><title>Report</title><p>The quarterly report</p>";
            var held = await pool.HoldAsync(CancellationToken.None); // the one tab is busy: the prints below wait
            var first = pool.PrintAsync(report, Path.Combine(folder, "a.html"), CancellationToken.None);
            var second = pool.PrintAsync(report, Path.Combine(folder, "b.html"), CancellationToken.None);
            var other = pool.PrintAsync("<!DOCTYPE html><title>Other</title><p>Another report</p>", Path.Combine(folder, "c.html"), CancellationToken.None);
            while (pool.Waiting < 2 || pool.Sharing < 1)
            {
                await Task.Delay(10);
            }

            await held.DisposeAsync();
            var (a, b, c) = (await first, await second, await other);

            Assert.Same(a, b);
            Assert.NotEqual(a, c);
            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(c, 0, 5), StringComparison.Ordinal);
            Assert.Equal(1, pool.PrintsShared);
            Assert.Equal(2, pool.MostWaitingAtOnce); // the first and the other report; the second took no place in the queue
            Assert.False(File.Exists(Path.Combine(folder, "b.html")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Print_SharedPrintGivenUp_TheOtherPrintsThePageItself()
    {
        await using var pool = new ChromiumPool(PdfPrintLimits.Default with { Prints = 1, Queue = 4 });
        var folder = Directory.CreateTempSubdirectory("scrutineer-pool-").FullName;
        try
        {
            const string report = "<!DOCTYPE html><title>Report</title><p>The quarterly report</p>";
            var held = await pool.HoldAsync(CancellationToken.None);
            using var leaving = new CancellationTokenSource();
            var givenUp = pool.PrintAsync(report, Path.Combine(folder, "a.html"), leaving.Token);
            var staying = pool.PrintAsync(report, Path.Combine(folder, "b.html"), CancellationToken.None);
            while (pool.Waiting < 1)
            {
                await Task.Delay(10);
            }

            await leaving.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => givenUp);
            while (pool.Waiting < 1)
            {
                await Task.Delay(10); // the second is now waiting for a tab of its own
            }

            await held.DisposeAsync();
            var pdf = await staying;

            Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
            Assert.Equal(0, pool.PrintsShared);
            Assert.True(File.Exists(Path.Combine(folder, "b.html")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(0, 4, "The setting Pdf:Prints is 0: at least one PDF must print at a time. Use 1 or more.")]
    [InlineData(2, -1, "The setting Pdf:Queue is -1: no fewer than none may wait. Use 0 or more.")]
    public void Checked_OutOfRange_NamesTheSetting(int prints, int queue, string message)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => (PdfPrintLimits.Default with { Prints = prints, Queue = queue }).Checked());

        Assert.Equal(message, refusal.Message);
    }
}
