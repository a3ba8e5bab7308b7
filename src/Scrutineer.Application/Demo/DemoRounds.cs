using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Demo;

/// <summary>
/// The four rounds of 2023/24: Q1 and Q2 published, Q3 closed, Q4 still open past its deadline (19 April 2024) with a
/// mix of approved, submitted, returned (one resubmitted after return), draft and missing updates. Every review happens
/// while its round is open (a closed round takes none); rounds are closed and published after. Each round also takes the
/// strategy strands' narratives (<see cref="DemoNarratives"/>).
/// </summary>
internal static class DemoRounds
{
    private static readonly string[] Contributors = ["Insp. R. Hale", "S. Okafor", "Ch Insp. M. Devlin", "L. Patel", "Sgt. J. Moreau", "K. Whitfield"];

    private static readonly string[] Reviewers = ["C. Ashworth (Performance Analysis Unit)", "D. Mensah (Performance Analysis Unit)"];

    public static async Task AddAsync(ScrutineerDb db, Plan plan, DemoSettings settings, CancellationToken cancellationToken)
    {
        var year = new FinancialYear(2023);
        var commentary = new DemoCommentary(seed: 2023);
        var random = new Random(2024);
        var pairs = plan.Commitments.SelectMany(c => c.Units.Select(u => (Commitment: c, Unit: u))).ToList();
        var strands = await db.Strands.OrderBy(s => s.StrategyId).ThenBy(s => s.Position).ToListAsync(cancellationToken);

        foreach (var quarter in Enumerable.Range(1, 4).Select(q => new FinancialQuarter(year, q)))
        {
            var opened = At(quarter.LastMonth.LastDay.AddDays(-7));
            var deadline = quarter.LastMonth.LastDay.AddDays(19);
            while (deadline.DayOfWeek != DayOfWeek.Friday)
            {
                deadline = deadline.AddDays(1);
            }

            var round = new ReportingRound(plan, quarter, deadline, opened);
            db.Rounds.Add(round);
            var counts = new Dictionary<UpdateState, int>();
            var missing = 0;
            foreach (var (commitment, unit) in pairs)
            {
                var fate = Fate(quarter.Quarter, random);
                if (DemoCommentary.PlantedInconsistencies.Any(p => p.Priority == commitment.Priority.Number
                    && p.Commitment == commitment.Number && p.Unit == unit.ShortName && p.Period == quarter.Code))
                {
                    fate = UpdateState.Approved;
                }

                if (fate is null)
                {
                    missing++;
                    continue;
                }

                var author = Contributors[random.Next(Contributors.Length)];
                var reviewer = Reviewers[random.Next(Reviewers.Length)];
                var written = opened.AddDays(random.Next(2, 14)).AddHours(random.Next(0, 8));
                var update = new QuarterlyUpdate(round, commitment, unit, author, written);
                var sensitive = DemoCommentary.Sensitive(commitment, unit, quarter);
                update.Edit(round, commentary.Write(commitment, unit, quarter), StatusFor(random), author, written.AddMinutes(40), sensitive);
                db.Updates.Add(update);
                if (fate != UpdateState.Draft)
                {
                    update.Submit(round, author, written.AddDays(1));
                }

                if (fate == UpdateState.Returned || (fate == UpdateState.Approved && random.Next(8) == 0))
                {
                    update.Return(round, reviewer, "Please add this quarter's figures and say what changed since last quarter.", written.AddDays(3));
                    if (fate == UpdateState.Approved)
                    {
                        update.Edit(round, commentary.Write(commitment, unit, quarter), update.Status, author, written.AddDays(4), sensitive);
                        update.Submit(round, author, written.AddDays(4).AddHours(1));
                    }
                }

                if (fate == UpdateState.Approved)
                {
                    update.Approve(round, reviewer, null, written.AddDays(6));
                }

                counts[fate.Value] = counts.GetValueOrDefault(fate.Value) + 1;
            }

            var narratives = DemoNarratives.Write(db, round, strands, opened);
            if (quarter.Quarter <= 3)
            {
                round.Close(At(deadline.AddDays(10)));
            }

            if (quarter.Quarter <= 2)
            {
                round.Publish(At(deadline.AddDays(14)));
            }

            settings.Progress($"Round {quarter}: {round.State.ToString().ToLowerInvariant()}, "
                + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}"))
                + $", {missing} missing; {narratives} of {strands.Count} strand narratives approved");
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What becomes of one commitment × unit in a quarter; null = no update written.</summary>
    private static UpdateState? Fate(int quarter, Random random)
    {
        var roll = random.Next(100);
        return quarter switch
        {
            1 or 2 => roll < 97 ? UpdateState.Approved : null,
            3 => roll < 85 ? UpdateState.Approved : roll < 93 ? UpdateState.Submitted : null,
            _ => roll < 45 ? UpdateState.Approved : roll < 62 ? UpdateState.Submitted : roll < 72 ? UpdateState.Returned : roll < 82 ? UpdateState.Draft : null,
        };
    }

    private static DeliveryStatus StatusFor(Random random) => random.Next(20) switch
    {
        0 or 1 => DeliveryStatus.AtRisk,
        2 or 3 or 4 => DeliveryStatus.Complete,
        5 => DeliveryStatus.NotStarted,
        _ => DeliveryStatus.OnTrack,
    };

    private static DateTimeOffset At(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
}
