using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.FiguresCheck;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.QuarterlyUpdates;

/// <summary>
/// What in a round is not ready to publish: submitted updates nobody has reviewed, outstanding ones (no update, or a
/// draft never submitted), returned ones, strand narratives written but not approved (a strand reports by exception,
/// so a strand with no narrative is not waited for), and what the figures check finds in the round's commentary. Publishing
/// refuses while any of these is left unless the analyst confirms (<see cref="ReportingRounds.PublishAsync(ScrutineerDb, ReportingRound, string, bool, DateTimeOffset, CancellationToken)"/>).
/// </summary>
/// <param name="Round">The round.</param>
/// <param name="AwaitingReview">Submitted updates not yet approved or returned.</param>
/// <param name="Outstanding">Commitment × unit pairs with no update, or with a draft.</param>
/// <param name="Returned">Updates returned to their unit and not submitted again.</param>
/// <param name="Findings">The figures check's findings in the round's commentary.</param>
/// <param name="Narratives">Strand narratives of the round that are a draft, submitted or returned, by strand title.</param>
public sealed record PublishReadiness(
    ReportingRound Round,
    IReadOnlyList<RoundStatusLine> AwaitingReview,
    IReadOnlyList<RoundStatusLine> Outstanding,
    IReadOnlyList<RoundStatusLine> Returned,
    IReadOnlyList<FigureInconsistency> Findings,
    IReadOnlyList<(string Strand, UpdateState State)> Narratives)
{
    /// <summary>Whether nothing stands in the way.</summary>
    public bool IsReady => AwaitingReview.Count == 0 && Outstanding.Count == 0 && Returned.Count == 0 && Findings.Count == 0 && Narratives.Count == 0;

    /// <summary>How many things are not ready, narratives and findings included.</summary>
    public int Count => AwaitingReview.Count + Outstanding.Count + Returned.Count + Findings.Count + Narratives.Count;

    /// <summary>Every update that is not ready, in priority, commitment and unit order.</summary>
    public IEnumerable<RoundStatusLine> Updates => AwaitingReview.Concat(Outstanding).Concat(Returned)
        .OrderBy(l => l.Priority).ThenBy(l => CommitmentNumber(l.Commitment)).ThenBy(l => l.Unit, StringComparer.Ordinal);

    /// <summary>
    /// "The Q4 2023/24 round is not ready to publish: 14 updates are awaiting review, 37 are outstanding (no update or a
    /// draft), 3 were returned, and the figures check found 3 problems." — or that nothing is outstanding.
    /// </summary>
    public string Summary
    {
        get
        {
            if (IsReady)
            {
                return $"Nothing is outstanding in the {Round.Period} round: every update is approved and the figures check found no problems.";
            }

            var parts = new List<string>();
            var noun = true;
            void Add(int count, string singular, string plural)
            {
                if (count == 0)
                {
                    return;
                }

                var what = noun ? (count == 1 ? " update " : " updates ") : " ";
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count}{what}{(count == 1 ? singular : plural)}"));
                noun = false;
            }

            Add(AwaitingReview.Count, "is awaiting review", "are awaiting review");
            Add(Outstanding.Count, "is outstanding (no update or a draft)", "are outstanding (no update or a draft)");
            Add(Returned.Count, "was returned", "were returned");
            if (Narratives.Count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Narratives.Count} strand narrative{(Narratives.Count == 1 ? " is" : "s are")} not approved"));
            }

            if (Findings.Count > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"the figures check found {Findings.Count} problem{(Findings.Count == 1 ? "" : "s")}"));
            }

            var list = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + ", and " + parts[^1];
            return $"The {Round.Period} round is not ready to publish: {list}.";
        }
    }

    /// <summary>
    /// One line for each thing not ready, for the command line and the audit trail: "3.2 SCD submitted (awaiting review)",
    /// "4.1 North LPA missing (no update)", then each figures-check finding.
    /// </summary>
    public IEnumerable<string> Lines =>
        Updates.Select(l => $"{l.Commitment} {l.Unit} {Describe(l.State)}")
            .Concat(Narratives.Select(n => $"strand narrative: {n.Strand} {Describe(n.State)}"))
            .Concat(Findings.Select(f => "figures check: " + f));

    /// <summary>How a state reads in the list: "submitted (awaiting review)", "missing (no update)", "draft", "returned".</summary>
    public static string Describe(UpdateState? state) => state is not { } known ? "missing (no update)" : known switch
    {
        UpdateState.Submitted => "submitted (awaiting review)",
        UpdateState.Draft => "draft",
        UpdateState.Returned => "returned",
        UpdateState.Approved => "approved",
    };

    /// <summary>Works out what in <paramref name="round"/> is not ready, the figures check included.</summary>
    public static async Task<PublishReadiness> ForAsync(ScrutineerDb db, ReportingRound round, DateOnly today, CancellationToken cancellationToken = default)
    {
        var status = await RoundStatus.ForAsync(db, round, today, cancellationToken);
        var planTitle = await db.Plans.Where(p => p.Id == round.PlanId).Select(p => p.Title).SingleAsync(cancellationToken);
        var findings = await CommentaryCheck.RunAsync(db, round.Period, planTitle, cancellationToken);
        var narratives = await db.StrandNarratives.AsNoTracking()
            .Where(n => n.RoundId == round.Id && n.State != UpdateState.Approved)
            .OrderBy(n => n.Strand.Position).Select(n => new { n.Strand.Title, n.State }).ToListAsync(cancellationToken);
        return new PublishReadiness(
            round,
            status.Lines.Where(l => l.State == UpdateState.Submitted).ToList(),
            status.Lines.Where(l => l.State is null or UpdateState.Draft).ToList(),
            status.Lines.Where(l => l.State == UpdateState.Returned).ToList(),
            findings,
            narratives.Select(n => (n.Title, n.State)).ToList());
    }

    private static int CommitmentNumber(string reference) =>
        int.TryParse(reference.AsSpan(reference.IndexOf('.', StringComparison.Ordinal) + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
