using Scrutineer.Domain.Common;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Tests;

/// <summary>The upload budget: uploads read two at a time, each stopped when it takes too long or needs too much memory.</summary>
public sealed class UploadBudgetTests
{
    [Fact]
    public async Task ReadAsync_TakesTooLong_StoppedWithTheTimeLimitNamed()
    {
        using var budget = new UploadBudget(timeAllowed: TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            budget.ReadAsync("slow.xlsx", async token => { await Task.Delay(Timeout.Infinite, token); return 0; }, CancellationToken.None));

        Assert.Equal("slow.xlsx: not imported, because reading it took longer than the 1 seconds an upload may take. Nothing was written; split it into smaller files.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_NeedsTooMuchMemory_StoppedWithTheMemoryLimitNamed()
    {
        using var budget = new UploadBudget(memoryAllowed: 64L * 1024 * 1024);
        var held = new List<byte[]>();

        var error = await Assert.ThrowsAsync<DomainException>(() => budget.ReadAsync<int>("greedy.xlsx", async token =>
        {
            while (true)
            {
                held.Add(new byte[8 * 1024 * 1024]);
                held[^1].AsSpan().Fill(1);
                await Task.Delay(20, token);
            }
        }, CancellationToken.None));

        Assert.Equal("greedy.xlsx: not imported, because reading it needed more than the 64 MB of memory an upload may use. Nothing was written; check the file is an ordinary one of its kind.", error.Message);
        // The budget watches the process's heap, which the other tests running beside this one also fill, so it may stop
        // the reader before its own 64 MB (8 blocks); what must hold is that it stops it long before 200 blocks (1.6 GB).
        Assert.InRange(held.Count, 1, 200);
        held.Clear();
    }

    [Fact]
    public async Task ReadAsync_TwoAlreadyBeingRead_ThirdRefusedAfterWaiting_ThenServedOnceOneEnds()
    {
        using var budget = new UploadBudget(maxWait: TimeSpan.FromMilliseconds(300));
        var release = new TaskCompletionSource();
        var first = budget.ReadAsync("a.csv", async _ => { await release.Task; return 1; }, CancellationToken.None);
        var second = budget.ReadAsync("b.csv", async _ => { await release.Task; return 2; }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<DomainException>(() => budget.ReadAsync("c.csv", _ => Task.FromResult(3), CancellationToken.None));
        release.SetResult();

        Assert.Equal("c.csv: not imported, because the server is already reading 2 uploads. Nothing was written; try again in a minute.", error.Message);
        var results = await Task.WhenAll(first, second);
        Assert.Equal([1, 2], results);
        Assert.Equal(3, await budget.ReadAsync("c.csv", _ => Task.FromResult(3), CancellationToken.None));
    }
}
