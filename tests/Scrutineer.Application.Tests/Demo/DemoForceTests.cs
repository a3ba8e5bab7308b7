using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Demo;
using Scrutineer.Application.Plans;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Application.Reports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Demo;

public sealed class DemoForceTests
{
    private static DemoSettings Settings(string? folder = null) => new(DemoSettings.DemoToday, folder, _ => { });

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Build_GivesThePlanUnitsAndFourRounds(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, Settings());
        }

        await using (var db = store.Open())
        {
            var plan = await PlanLoader.LoadAsync(db, DemoForce.PlanTitle);
            Assert.Equal(12, plan.Priorities.Count);
            Assert.InRange(plan.Commitments.Count(), 55, 65);
            Assert.InRange(await db.Units.CountAsync(), 22, 30);
            Assert.Contains(plan.Commitments, c => c.Units.Count > 1);

            var rounds = (await db.Rounds.ToListAsync()).OrderBy(r => r.Period).ToList();
            Assert.Equal(["2023/24-Q1", "2023/24-Q2", "2023/24-Q3", "2023/24-Q4"], rounds.Select(r => r.Period.Code));
            Assert.Equal([RoundState.Published, RoundState.Published, RoundState.Closed, RoundState.Open], rounds.Select(r => r.State));

            var q4 = await RoundStatus.ForAsync(db, rounds[3], DateOnly.FromDateTime(DemoSettings.DemoToday.UtcDateTime));
            Assert.True(rounds[3].IsPastDeadline(q4.Today));
            foreach (UpdateState? state in new UpdateState?[] { UpdateState.Approved, UpdateState.Submitted, UpdateState.Returned, UpdateState.Draft, null })
            {
                Assert.True(q4.Count(state) > 0, $"Q4 should hold some updates in state {state?.ToString() ?? "missing"}.");
            }

            Assert.NotEmpty(q4.OverdueUnits);
            Assert.Equal(q4.Lines.Count(l => l.Overdue), q4.OverdueUnits.Sum(u => u.Overdue));

            var today = DateOnly.FromDateTime(DemoSettings.DemoToday.UtcDateTime);
            var strategy = await Application.Delivery.DeliveryStore.FindStrategyAsync(db, null);
            var progress = await Application.Delivery.DeliveryProgress.ForStrategyAsync(db, strategy, null, today);
            Assert.Equal(9, progress.Strands.Count);
            Assert.True(progress.Total.Total >= 300, $"The demo strategy should have 300+ tasks, not {progress.Total.Total}.");
            Assert.Equal(progress.Total.Total, progress.Strands.Sum(s => s.Total));
            Assert.All(progress.Strands, s => Assert.Equal(s.Total, s.Complete + s.Ongoing + s.AtRisk));
            var atRisk = await Application.Delivery.DeliveryProgress.AtRiskAsync(db, strategy, null, today);
            Assert.NotEmpty(atRisk);
            Assert.Equal(progress.Total.AtRisk, atRisk.Count);
            Assert.All(atRisk, t => Assert.False(string.IsNullOrWhiteSpace(t.Mitigation)));
        }
    }

    [Fact]
    public async Task Build_Twice_GivesTheSameData()
    {
        await using var a = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var b = await TestStore.CreateAsync(StoreProvider.Sqlite);

        Assert.Equal(await SnapshotAsync(a), await SnapshotAsync(b));
    }

    [Fact]
    public async Task Build_WritesThePlanFileItImported()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scrutineer-demo-" + Guid.NewGuid().ToString("N"));
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, Settings(folder));
        }

        var file = PlanFileReader.Read(Path.Combine(folder, "demo-plan.yaml"));
        Assert.Equal(DemoForce.PlanTitle, file.Title);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Build_StoreWithData_Refused()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, Settings());
        }

        await using (var db = store.Open())
        {
            await Assert.ThrowsAsync<DomainException>(() => DemoForce.BuildAsync(db, Settings()));
        }
    }

    [Fact]
    public async Task Commentary_HoldsThePlantedInconsistencies()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, Settings());
        }

        await using (var db = store.Open())
        {
            var round = await ReportingRounds.FindAsync(db, FinancialQuarter.Parse("2023/24-Q4"));
            var updates = await UpdateQueries.ListAsync(db, round);
            Assert.Contains(updates, u => u.Commitment.Reference == "3.1" && u.Unit.ShortName == "C&PP" && u.CommentaryText.Contains("% from ", StringComparison.Ordinal));
            Assert.Contains(updates, u => u.Commitment.Reference == "9.1" && u.Unit.ShortName == "Roads" && u.CommentaryText.Contains(", an increase from ", StringComparison.Ordinal));
            var findings = await CommentaryCheck.RunAsync(db, FinancialQuarter.Parse("2023/24-Q4"));
            Assert.Equal(
                ["Q4 2023/24 commitment 3.1, C&PP update (approved)", "Q4 2023/24 commitment 9.1, Roads update (approved)", "Q4 2023/24 commitment 10.1, CiP update (approved)"],
                findings.Select(f => f.Where[..f.Where.LastIndexOf(", line ", StringComparison.Ordinal)]));
        }
    }

    [Fact]
    public async Task Commentary_SensitiveParagraphIsItsUpdatesSensitivePart_AndNoOfficialTextIsMarked()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, Settings());
        }

        await using (var db = store.Open())
        {
            var round = await ReportingRounds.FindAsync(db, FinancialQuarter.Parse("2023/24-Q2"));
            var updates = await UpdateQueries.ListAsync(db, round);
            var scd = Assert.Single(updates, u => u.SensitiveCommentaryText.Length > 0);
            Assert.Equal(("2.1", "SCD", Domain.Documents.Classification.OfficialSensitive), (scd.Commitment.Reference, scd.Unit.ShortName, scd.Classification));
            Assert.StartsWith("Two further lines were closed after covert work", scd.SensitiveCommentaryText, StringComparison.Ordinal);
            Assert.DoesNotContain("covert", scd.CommentaryText, StringComparison.Ordinal);

            var official = await db.Updates.AsNoTracking().Select(u => new { u.Id, u.CommentaryText, u.ReviewerComment }).ToListAsync();
            Assert.All(official, u => Assert.Null(Domain.Documents.MarkingInText.Find(u.CommentaryText + "\n" + u.ReviewerComment)));
            var history = (await db.Updates.AsNoTracking().ToListAsync()).SelectMany(u => u.History).ToList();
            Assert.All(history, h => Assert.Null(Domain.Documents.MarkingInText.Find(h.Commentary + "\n" + h.Comment)));
            Assert.Contains(history, h => h.SensitiveCommentary.StartsWith("Two further lines", StringComparison.Ordinal));
        }
    }

    private static async Task<string> SnapshotAsync(TestStore store)
    {
        await using (var db = store.Open())
        {
            await DemoForce.BuildAsync(db, Settings());
        }

        await using var read = store.Open();
        var plan = await PlanFileWriter.WriteAsync(read, DemoForce.PlanTitle);
        var updates = await read.Updates.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => u.Id + "|" + u.RoundId + "|" + u.CommitmentId + "|" + u.UnitId + "|" + u.State + "|" + u.Status + "|" + u.CommentaryText + "|" + u.Author)
            .ToListAsync();
        return plan + string.Join('\n', updates);
    }
}
