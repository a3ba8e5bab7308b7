using Scrutineer.Application.Audit;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests;

/// <summary>A small plan with an open round and one draft update, saved to a test store.</summary>
internal sealed record Seed(int PlanId, int RoundId, int UpdateId, int CommitmentId)
{
    public static async Task<Seed> CreateAsync(TestStore store, TestClock clock, string actor = "seed")
    {
        using var scope = AuditContext.Begin(actor, clock);
        await using var db = store.Open();
        var builder = new PlanBuilder().WithPriority("Roads", 2);
        var plan = builder.Build();
        db.Plans.Add(plan);
        var round = new ReportingRound(plan, new FinancialQuarter(new FinancialYear(2023), 4), new DateOnly(2024, 1, 31), clock.GetUtcNow());
        db.Rounds.Add(round);
        var commitment = plan.Commitments.First();
        var update = new QuarterlyUpdate(round, commitment, builder.Units[1], "Bravo Author", clock.GetUtcNow());
        update.Edit(round, Commentary.Parse("First draft of the update."), DeliveryStatus.OnTrack, "Bravo Author", clock.GetUtcNow());
        db.Updates.Add(update);
        await db.SaveChangesAsync();
        return new Seed(plan.Id, round.Id, update.Id, commitment.Id);
    }
}
