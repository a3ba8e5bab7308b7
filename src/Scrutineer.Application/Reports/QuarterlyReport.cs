using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The quarterly update on delivery against the We Wills (layout of seed 000): front page, contents with page ranges and
/// bookmarks, then one section per priority on a new page with its objective and a We will | Commentary | Who table,
/// one row per commitment. Only approved updates are printed; a unit with none says so in the row. The public version
/// holds each approved update's OFFICIAL commentary only; the full version adds its OFFICIAL-SENSITIVE part, labelled.
/// </summary>
public static class QuarterlyReport
{
    /// <summary>Builds <paramref name="version"/> of the report for <paramref name="period"/> from the store.</summary>
    /// <exception cref="DomainException">No plan covers the period, or it has no reporting round for it.</exception>
    public static Task<ReportDocument> BuildAsync(ScrutineerDb db, FinancialQuarter period, DateTimeOffset now, ReportVersion version, string? planTitle = null, CancellationToken cancellationToken = default) =>
        StoreReader.ReadAsync(db, reader => BuildAsync(reader, period, now, version, planTitle, cancellationToken), cancellationToken);

    /// <summary>
    /// Builds <paramref name="version"/> of the report for <paramref name="period"/> from the store, read over its
    /// connection: the round, the plan, the round's updates and the figures, with no EF unless peers or harm weights are
    /// loaded (docs/decisions/0183).
    /// </summary>
    /// <exception cref="DomainException">No plan covers the period, or it has no reporting round for it.</exception>
    public static async Task<ReportDocument> BuildAsync(StoreReader reader, FinancialQuarter period, DateTimeOffset now, ReportVersion version, string? planTitle = null, CancellationToken cancellationToken = default)
    {
        var round = await RoundHeading.FindAsync(reader, period, planTitle, cancellationToken);
        var plan = await PlanLoader.ReadAsync(reader, round.PlanId, cancellationToken);
        var updates = await ReportedUpdate.ReadAsync(reader, round.Id, cancellationToken);
        var figures = await QuarterlyFigures.LoadAsync(reader, round.PlanId, period, cancellationToken);
        return Build(plan, round.Period, round.PublishedAt, updates, now, version, figures);
    }

    /// <summary>
    /// <see cref="Build(Plan, FinancialQuarter, DateTimeOffset?, IReadOnlyCollection{ReportedUpdate}, DateTimeOffset, ReportVersion, QuarterlyFigures?)"/>
    /// from a loaded round and its updates, each with its commitment and unit.
    /// </summary>
    public static ReportDocument Build(Plan plan, ReportingRound round, IReadOnlyCollection<QuarterlyUpdate> updates, DateTimeOffset now, ReportVersion version, QuarterlyFigures? figures = null) =>
        Build(plan, round.Period, round.PublishedAt, updates.Select(ReportedUpdate.Of).ToList(), now, version, figures);

    /// <summary>
    /// Builds <paramref name="version"/> of the report of <paramref name="period"/> from a plan and the round's updates
    /// (any state): only approved updates are read, and their OFFICIAL-SENSITIVE part only for the full version. The
    /// front page is dated when the round was published (<paramref name="publishedAt"/>), else <paramref name="now"/>.
    /// The <paramref name="figures"/> of the linked measures (none when null) go in the performance summary after the
    /// contents, under each priority and in the appendix; both versions carry them.
    /// </summary>
    public static ReportDocument Build(Plan plan, FinancialQuarter period, DateTimeOffset? publishedAt, IReadOnlyCollection<ReportedUpdate> updates, DateTimeOffset now, ReportVersion version, QuarterlyFigures? figures = null)
    {
        figures ??= QuarterlyFigures.None(period);
        var metadata = plan.Metadata;
        var date = UkClock.DateOf(publishedAt ?? now);
        var title = $"Quarterly update on Delivery against We Wills: {period}";
        var approved = updates.Count(u => u.State == UpdateState.Approved);

        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(plan.Title + ":", ParagraphStyle.Title),
            new ReportParagraph(title, ParagraphStyle.Title),
        };
        blocks.AddRange(new[]
        {
            "Date: " + date.ToString("d MMMM yyyy", EnGb.Culture),
            "Data to: " + period.DataToLabel,
            "Version No: " + metadata.Version,
            "Unit: " + metadata.AuthorUnit,
            "Author: " + Or(metadata.Author, "not recorded"),
            "Document Owner: " + Or(metadata.DocumentOwner, "not recorded"),
        }.Select(line => new ReportParagraph(line)));
        var sensitivityLine = blocks.Count;
        if (approved == 0)
        {
            blocks.Add(new ReportParagraph($"No update has been approved for {period} yet: every commitment below is shown without commentary.", ParagraphStyle.Notice));
        }

        blocks.Add(new ReportPageBreak());
        blocks.Add(new ReportContents([.. figures.ContentsBefore(), .. plan.Priorities.Select(p => new ContentsEntry(p.Heading, Anchor(p))), .. figures.ContentsAfter()]));
        blocks.AddRange(figures.Summary());

        var sensitive = false;
        foreach (var priority in plan.Priorities)
        {
            blocks.Add(new ReportHeading(1, priority.Heading, Anchor(priority), NewPage: true));
            if (!string.IsNullOrWhiteSpace(priority.Objective))
            {
                blocks.Add(new ReportParagraph("Our objective is to " + priority.Objective.TrimEnd('.') + "."));
            }

            blocks.AddRange(figures.ForPriority(priority.Number));

            var rows = new List<ReportRow>();
            foreach (var commitment in priority.Commitments)
            {
                var weWill = new List<ReportBlock> { new ReportParagraph(commitment.Text) };
                if (commitment.SubPoints.Count > 0)
                {
                    weWill.Add(new ReportBulletList(commitment.SubPoints));
                }

                weWill.AddRange(figures.ForCommitment(commitment.Reference));

                var commentary = new List<ReportBlock>();
                foreach (var unit in commitment.Units)
                {
                    var update = updates.FirstOrDefault(u => u.Commitment == commitment.Reference && u.Unit == unit.ShortName);
                    var official = update is { State: UpdateState.Approved } ? update.Official : Commentary.Empty;
                    var sensitivePart = update is { State: UpdateState.Approved } && version == ReportVersion.Full ? update.Sensitive : Commentary.Empty;
                    if (official.IsEmpty && sensitivePart.IsEmpty)
                    {
                        commentary.Add(new ReportParagraph($"{unit.DisplayName}: no approved update for {period} ({Missing(update)}).", ParagraphStyle.Notice));
                        continue;
                    }

                    if (official.IsEmpty || official.Blocks[0].Kind != CommentaryBlockKind.Heading)
                    {
                        commentary.Add(new ReportParagraph(unit.DisplayName + " Update:", ParagraphStyle.Strong));
                    }

                    commentary.AddRange(official.Blocks.Select(Block));
                    if (!sensitivePart.IsEmpty)
                    {
                        sensitive = true;
                        commentary.Add(SensitivePart.Label());
                        commentary.AddRange(sensitivePart.Blocks.Select(Block));
                    }
                }

                var who = ReportCell.Of(string.Join(" / ", commitment.Units.Select(u => u.DisplayName)));
                rows.Add(new ReportRow([new ReportCell(weWill), new ReportCell(commentary), who]));
            }

            blocks.Add(new ReportTable($"Priority {priority.Number}: delivery against each We Will, {period}", ["We will", "Commentary", "Who"], rows)
            {
                Widths = [30, 50, 20],
            });
            blocks.Add(new ReportAnchor(Anchor(priority) + "_end"));
        }

        blocks.AddRange(figures.Appendix());
        var classification = SensitivePart.Marking(version, sensitive, metadata.Classification);
        blocks.Insert(sensitivityLine, new ReportParagraph("Sensitivity: " + Sensitivity(classification)));
        return new ReportDocument($"{plan.Title}: {title}", classification, blocks) { RunningTitle = title };
    }

    /// <summary>A commentary block as report paragraphs: a heading in bold, a paragraph, a bullet list.</summary>
    internal static ReportBlock Block(CommentaryBlock block) => block.Kind switch
    {
        CommentaryBlockKind.Heading => new ReportParagraph(block.Text, ParagraphStyle.Strong),
        CommentaryBlockKind.Paragraph => new ReportParagraph(block.Text),
        CommentaryBlockKind.BulletList => new ReportBulletList(block.Lines),
    };

    /// <summary>The bookmark of a priority's section: "Priority_3".</summary>
    public static string Anchor(Priority priority) => "Priority_" + priority.Number.ToString(EnGb.Culture);

    private static string Sensitivity(Classification classification) => classification switch
    {
        Classification.Official => "Official",
        Classification.OfficialSensitive => "Official-Sensitive",
    };

    private static string Missing(ReportedUpdate? update) => update is null ? "none started" : update.State switch
    {
        UpdateState.Draft => "still a draft",
        UpdateState.Submitted => "submitted, awaiting review",
        UpdateState.Returned => "returned for changes",
        UpdateState.Approved => "approved without commentary",
    };

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
