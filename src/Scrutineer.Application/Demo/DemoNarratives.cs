using Scrutineer.Application.Data;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Demo;

/// <summary>
/// Each strategy strand's narrative for each demo round, written by its thematic lead while the round is open: Q1 to Q3
/// approved (one Q2 narrative returned once before approval, and Domestic Abuse's Q2 narrative with an
/// OFFICIAL-SENSITIVE part); in Q4 a mix of approved, submitted, returned, draft and none.
/// </summary>
internal static class DemoNarratives
{
    private const string Reviewer = "C. Ashworth (Performance Analysis Unit)";

    private static readonly string[] Openings =
    [
        "Partnership work on {0} continued through {1}: the strand's delivery plan met at every scheduled forum, and the partners agreed where to focus next quarter.",
        "{1} saw steady delivery on {0}. The lead and partners reviewed the tasks at risk and agreed mitigations at the strand's forum.",
        "Across {1} the strand kept its focus on {0}, with new joint work agreed with community safety partners.",
    ];

    /// <summary>Writes the narratives of <paramref name="round"/> for every strand; returns how many were approved.</summary>
    public static int Write(ScrutineerDb db, ReportingRound round, IReadOnlyList<ThematicStrand> strands, DateTimeOffset opened)
    {
        var quarter = round.Period;
        var approved = 0;
        foreach (var strand in strands)
        {
            var fate = Fate(quarter, strand.Position);
            if (fate is null)
            {
                continue;
            }

            var lead = strand.LeadsOn(quarter.LastMonth.LastDay).FirstOrDefault(l => l.Role == LeadRole.Thematic)?.Person ?? "Thematic lead";
            var written = opened.AddDays(3 + (strand.Position % 5)).AddHours(strand.Position);
            var narrative = new StrandNarrative(round, strand, lead, written);
            db.StrandNarratives.Add(narrative);
            narrative.Edit(round, Text(strand, quarter), Status(strand.Position, quarter), lead, written.AddMinutes(30), Sensitive(strand, quarter));
            if (fate == UpdateState.Draft)
            {
                continue;
            }

            narrative.Submit(round, lead, written.AddDays(1));
            if (fate == UpdateState.Returned || (quarter.Quarter == 2 && strand.Position == 3))
            {
                narrative.Return(round, Reviewer, "Please say which tasks at risk the mitigations cover.", written.AddDays(2));
                if (fate == UpdateState.Returned)
                {
                    continue;
                }

                narrative.Edit(round, Commentary.Parse(Text(strand, quarter) + "\n\nThe mitigations cover every task at risk in the strand's delivery plan."), narrative.Status, lead, written.AddDays(3), Sensitive(strand, quarter));
                narrative.Submit(round, lead, written.AddDays(3).AddHours(1));
            }

            if (fate == UpdateState.Approved)
            {
                narrative.Approve(round, Reviewer, null, written.AddDays(5));
                approved++;
            }
        }

        return approved;
    }

    /// <summary>Q1 to Q3: every strand approved. Q4: approved, submitted, returned, draft or none, by strand.</summary>
    private static UpdateState? Fate(FinancialQuarter quarter, int position) => quarter.Quarter < 4
        ? UpdateState.Approved
        : (position % 5) switch
        {
            0 => null,
            1 or 2 => UpdateState.Approved,
            3 => UpdateState.Submitted,
            _ => position % 2 == 0 ? UpdateState.Returned : UpdateState.Draft,
        };

    private static DeliveryStatus Status(int position, FinancialQuarter quarter) =>
        (position + quarter.Quarter) % 7 == 0 ? DeliveryStatus.AtRisk : DeliveryStatus.OnTrack;

    private static Commentary Text(ThematicStrand strand, FinancialQuarter quarter)
    {
        var opening = string.Format(Domain.Common.EnGb.Culture, Openings[(strand.Position + quarter.Quarter) % Openings.Length], strand.Title.ToLowerInvariant(), $"{quarter} ({quarter.MonthsLabel})");
        return Commentary.Parse($"{opening}\n\nNext quarter the strand will report on the tasks scheduled in its delivery plan and on the measures linked to it.");
    }

    private static Commentary? Sensitive(ThematicStrand strand, FinancialQuarter quarter) =>
        quarter.Quarter == 2 && strand.Position == 1
            ? Commentary.Parse("Two high-risk cases were escalated to the multi-agency risk conference; the named victims are known to the strand's lead.")
            : null;
}
