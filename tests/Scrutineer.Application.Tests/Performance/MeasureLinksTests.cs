using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Testing;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Tests.Performance;

public sealed class MeasureLinksTests
{
    private static Measure Crime(string name) => new(name, "crimes", MeasureKind.Count, BetterDirection.Lower, "", "data.police.uk");

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SetForPriorityAsync_ReplacesLinks_KeepsTargetAndDirection(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        int priorityId, commitmentId;
        await using (var db = store.Open())
        {
            var plan = new PlanBuilder().WithPriority("Reducing violence", 1).Build();
            db.Plans.Add(plan);
            db.Measures.AddRange(Crime("Robbery"), Crime("Shoplifting"), Crime("Violence and sexual offences"));
            await db.SaveChangesAsync();
            priorityId = plan.Priorities[0].Id;
            commitmentId = plan.Priorities[0].Commitments[0].Id;
            await MeasureLinks.SetForPriorityAsync(db, priorityId, [new("Robbery"), new("Shoplifting")]);
            await MeasureLinks.SetForPriorityAsync(db, priorityId, [new("robbery", 120m, BetterDirection.Lower), new("Violence and sexual offences")]);
            await MeasureLinks.SetForCommitmentAsync(db, commitmentId, [new("Shoplifting", null, BetterDirection.Neither)]);
        }

        await using var check = store.Open();
        var links = await check.MeasureLinks.Include(l => l.Measure).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(
            ["Robbery", "Violence and sexual offences", "Shoplifting"],
            links.Select(l => l.Measure.Name));
        Assert.Equal((priorityId, (decimal?)120m, (BetterDirection?)BetterDirection.Lower), (links[0].PriorityId!.Value, links[0].Target, links[0].Better));
        Assert.Null(links[1].Target);
        Assert.Equal(BetterDirection.Lower, links[1].BetterWay);
        Assert.Equal((commitmentId, BetterDirection.Neither), (links[2].CommitmentId!.Value, links[2].BetterWay));
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task SetForPriorityAsync_UnknownName_RefusedWithTheStoresMeasures_NothingChanged(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        var plan = new PlanBuilder().WithPriority("Reducing violence", 1).Build();
        db.Plans.Add(plan);
        db.Measures.AddRange(Crime("Robbery"), Crime("Shoplifting"));
        await db.SaveChangesAsync();
        var priorityId = plan.Priorities[0].Id;
        await MeasureLinks.SetForPriorityAsync(db, priorityId, [new("Robbery")]);

        var ex = await Assert.ThrowsAsync<DomainException>(() => MeasureLinks.SetForPriorityAsync(db, priorityId, [new("Shoplifting"), new("Knife crime")]));

        Assert.Equal("'Knife crime' is not a measure the store holds. Use one of: Robbery, Shoplifting.", ex.Message);
        await using var check = store.Open();
        Assert.Equal("Robbery", (await check.MeasureLinks.Include(l => l.Measure).SingleAsync()).Measure.Name);
    }

    [Fact]
    public void Problem_EmptyStore_SaysToImportFirst() =>
        Assert.Equal(
            "'Robbery' is not a measure the store holds. The store holds no measures yet: import performance data or a measures file first.",
            MeasureLinks.Problem("Robbery", []));
}
