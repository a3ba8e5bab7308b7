using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;

namespace Scrutineer.Reports.Tests;

/// <summary>The warm Chromium's limits: a print beyond the queue is refused with a message for the user, and the limits are checked.</summary>
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

    [Theory]
    [InlineData(0, 4, "The setting Pdf:Prints is 0: at least one PDF must print at a time. Use 1 or more.")]
    [InlineData(2, -1, "The setting Pdf:Queue is -1: no fewer than none may wait. Use 0 or more.")]
    public void Checked_OutOfRange_NamesTheSetting(int prints, int queue, string message)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => (PdfPrintLimits.Default with { Prints = prints, Queue = queue }).Checked());

        Assert.Equal(message, refusal.Message);
    }
}
