using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Delivery;

/// <summary>Which strategy the web pages, the delivery commands and the strategy report mean: one rule (DeliveryStore.FindStrategyAsync).</summary>
public sealed class StrategyChoiceTests
{
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task FindStrategy_SeveralStrategies_TitleThenPeriodThenLatest(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        int older, newer;
        await using (var db = store.Open())
        {
            var first = new CrimePreventionStrategy("Crime Prevention Strategy 2018-2021", 2018, 2021, null);
            var second = new CrimePreventionStrategy("Crime Prevention Strategy 2021-2024", 2021, 2024, null);
            db.Strategies.AddRange(first, second);
            await db.SaveChangesAsync();
            (older, newer) = (first.Id, second.Id);
        }

        await using (var db = store.Open())
        {
            Assert.Equal(older, await DeliveryStore.FindStrategyAsync(db, "crime prevention strategy 2018-2021"));
            Assert.Equal(older, await DeliveryStore.FindStrategyAsync(db, null, FinancialQuarter.Parse("Q2 2019/20")));
            Assert.Equal(newer, await DeliveryStore.FindStrategyAsync(db, null, FinancialQuarter.Parse("Q2 2023/24")));
            Assert.Equal(newer, await DeliveryStore.FindStrategyAsync(db, null)); // the pages' and commands' default: the latest
            Assert.Equal((newer, "Crime Prevention Strategy 2021-2024"), await DeliveryStore.CurrentStrategyAsync(db));

            var unknown = await Assert.ThrowsAsync<DeliveryImportException>(() => DeliveryStore.FindStrategyAsync(db, "Violence Strategy"));
            Assert.Equal("There is no strategy called 'Violence Strategy'; the store holds 'Crime Prevention Strategy 2018-2021', 'Crime Prevention Strategy 2021-2024'.", unknown.Message);
            var uncovered = await Assert.ThrowsAsync<DeliveryImportException>(() => DeliveryStore.FindStrategyAsync(db, null, FinancialQuarter.Parse("Q1 2030/31")));
            Assert.Equal("No crime prevention strategy covers Q1 2030/31; the store holds 'Crime Prevention Strategy 2018-2021', 'Crime Prevention Strategy 2021-2024'. Say which with --strategy.", uncovered.Message);
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task FindStrategy_EmptyStore_SaysToImportFirst(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();

        Assert.Null(await DeliveryStore.CurrentStrategyAsync(db));
        var none = await Assert.ThrowsAsync<DeliveryImportException>(() => DeliveryStore.FindStrategyAsync(db, null));
        Assert.Equal("There is no crime prevention strategy in the store: import a delivery plan first (scrutineer delivery import FILE --strategy NAME).", none.Message);
    }
}
