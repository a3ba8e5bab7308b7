using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;

namespace Scrutineer.Domain.QuarterlyUpdates;

/// <summary>
/// What every update written for a reporting round shares, whatever it reports on (a commitment, by a unit:
/// <see cref="QuarterlyUpdate"/>; a strategy strand, by its lead: <see cref="StrandNarrative"/>): commentary and delivery
/// status, written as a draft, submitted, then approved or returned with a comment, with every change kept in
/// <see cref="History"/>. The commentary and the reviewer's comment each have an OFFICIAL part and an optional
/// OFFICIAL-SENSITIVE part; who may read the sensitive part is decided by the need-to-know rule, and a marking typed into
/// an OFFICIAL part is refused.
/// </summary>
/// <remarks>
/// Rules: only an open round takes new updates, edits and submissions; a submitted update waits for review and
/// cannot be edited; an approved update cannot be edited unless the round was reopened after the approval;
/// a published round is read-only.
/// </remarks>
public abstract class ReviewedUpdate
{
    private readonly List<UpdateRevision> history = [];

    /// <summary>For the store.</summary>
    private protected ReviewedUpdate()
    {
        CommentaryText = "";
        SensitiveCommentaryText = "";
        Author = "";
        Round = null!;
    }

    /// <summary>Starts a draft in an open round.</summary>
    /// <exception cref="DomainException">The round is not open, or no author.</exception>
    private protected ReviewedUpdate(ReportingRound round, string author, DateTimeOffset now)
    {
        EnsureOpen(round, "take new updates");
        Round = round;
        Author = Required(author, "author");
        CommentaryText = "";
        SensitiveCommentaryText = "";
        Status = null;
        State = UpdateState.Draft;
        CreatedAt = now;
        UpdatedAt = now;
        Record(UpdateAction.Created, Author, now, null);
    }

    /// <summary>Store identity.</summary>
    public int Id { get; private set; }

    /// <summary>Identity of the round.</summary>
    public int RoundId { get; private set; }

    /// <summary>The reporting round.</summary>
    public ReportingRound Round { get; private set; }

    /// <summary>How messages name this update: "The update on 3.2 by SCD", "The narrative for Domestic Abuse".</summary>
    public abstract string Subject { get; }

    /// <summary>The commentary in its text form (see <see cref="Commentary"/>).</summary>
    public string CommentaryText { get; private set; }

    /// <summary>The commentary as paragraphs and bullet lists.</summary>
    public Commentary Commentary => Commentary.Parse(CommentaryText);

    /// <summary>The OFFICIAL-SENSITIVE part of the commentary in its text form; empty when there is none.</summary>
    public string SensitiveCommentaryText { get; private set; }

    /// <summary>The OFFICIAL-SENSITIVE part of the commentary as paragraphs and bullet lists.</summary>
    public Commentary SensitiveCommentary => Commentary.Parse(SensitiveCommentaryText);

    /// <summary>OFFICIAL-SENSITIVE when the commentary or the reviewer's comment has a sensitive part; OFFICIAL otherwise.</summary>
    public Classification Classification =>
        SensitiveCommentaryText.Length > 0 || !string.IsNullOrEmpty(SensitiveReviewerComment) ? Classification.OfficialSensitive : Classification.Official;

    /// <summary>
    /// The writer's delivery status for what the update reports on; null while a draft has none chosen yet. An update
    /// is never submitted without one, so submitted, returned and approved updates always have it.
    /// </summary>
    public DeliveryStatus? Status { get; private set; }

    /// <summary>Draft, submitted, approved or returned.</summary>
    public UpdateState State { get; private set; }

    /// <summary>Who last wrote the commentary.</summary>
    public string Author { get; private set; }

    /// <summary>When the update was started.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When anything last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When last submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; private set; }

    /// <summary>Who last approved or returned it.</summary>
    public string? Reviewer { get; private set; }

    /// <summary>The reviewer's comment on the last approval or return (OFFICIAL).</summary>
    public string? ReviewerComment { get; private set; }

    /// <summary>The OFFICIAL-SENSITIVE part of the reviewer's comment; null when there is none.</summary>
    public string? SensitiveReviewerComment { get; private set; }

    /// <summary>When last approved or returned.</summary>
    public DateTimeOffset? ReviewedAt { get; private set; }

    /// <summary>Rises by one on every change; the store refuses a save made from an older version.</summary>
    public int Version { get; private set; }

    /// <summary>Everything that happened to the update, oldest first.</summary>
    public IReadOnlyList<UpdateRevision> History => history.OrderBy(h => h.Sequence).ToList();

    /// <summary>The longest a commentary part may be: about 3,000 words, a few pages of a board report.</summary>
    public const int MaxCommentaryCharacters = 20_000;

    /// <summary>
    /// Writes the commentary (its OFFICIAL part and the OFFICIAL-SENSITIVE part, null for none) and status (the writer's
    /// own edit). The status may be left unchosen (null) while the update is a draft.
    /// </summary>
    /// <exception cref="DomainException">
    /// Round not open; update submitted; approved and the round not reopened since; a marking typed into the OFFICIAL part;
    /// or a part longer than <see cref="MaxCommentaryCharacters"/>.
    /// </exception>
    public void Edit(ReportingRound round, Commentary commentary, DeliveryStatus? status, string author, DateTimeOffset now, Commentary? sensitive = null)
    {
        EnsureRound(round);
        var sensitiveText = OfficialOnly(commentary, sensitive);
        EnsureOpen(round, "take edits");
        switch (State)
        {
            case UpdateState.Submitted:
                throw new DomainException($"{Subject} is submitted and awaiting review: it can be changed once returned.");
            case UpdateState.Approved when round.ReopenedAt is null || round.ReopenedAt <= ReviewedAt:
                throw new DomainException($"{Subject} is approved: it can only be changed if the {round.Period} round is reopened.");
            case UpdateState.Approved:
            case UpdateState.Draft:
            case UpdateState.Returned:
                break;
        }

        if (string.Equals(CommentaryText, commentary.ToString(), StringComparison.Ordinal)
            && string.Equals(SensitiveCommentaryText, sensitiveText, StringComparison.Ordinal)
            && Status == status && State != UpdateState.Approved)
        {
            return;
        }

        CommentaryText = commentary.ToString();
        SensitiveCommentaryText = sensitiveText;
        Status = status;
        Author = Required(author, "author");
        if (State == UpdateState.Approved)
        {
            State = UpdateState.Draft;
        }

        Touch(UpdateAction.Edited, Author, now, null);
    }

    /// <summary>The longest reason for an analyst's correction, in characters.</summary>
    public const int MaxCorrectionReasonCharacters = 1_000;

    /// <summary>
    /// An analyst's correction: changes the commentary and status without changing the review state, for a reason that
    /// is recorded in the history beside the text before (the previous entry) and after (this entry).
    /// Allowed in an open or closed round, never in a published one.
    /// </summary>
    /// <exception cref="DomainException">
    /// Round published; no reason, or one longer than <see cref="MaxCorrectionReasonCharacters"/>; a correction that
    /// changes nothing; a marking typed into the OFFICIAL part; a part longer than <see cref="MaxCommentaryCharacters"/>;
    /// no commentary or no delivery status left on an update that is not a draft.
    /// </exception>
    public void Correct(ReportingRound round, Commentary commentary, DeliveryStatus? status, string analyst, DateTimeOffset now, string reason, Commentary? sensitive = null)
    {
        EnsureRound(round);
        round.EnsureNotPublished("take corrections");
        if (CheckCorrection(commentary, status, reason, sensitive).FirstOrDefault() is { Message: { } problem })
        {
            throw new DomainException(problem);
        }

        reason = reason.Trim();
        var sensitiveText = (sensitive ?? Commentary.Empty).ToString();

        if (string.Equals(CommentaryText, commentary.ToString(), StringComparison.Ordinal)
            && string.Equals(SensitiveCommentaryText, sensitiveText, StringComparison.Ordinal)
            && Status == status)
        {
            throw new DomainException("The correction changes nothing: change the commentary or the delivery status, or leave the update as it is");
        }

        CommentaryText = commentary.ToString();
        SensitiveCommentaryText = sensitiveText;
        Status = status;
        Touch(UpdateAction.Corrected, Required(analyst, "analyst"), now, reason);
    }

    /// <summary>
    /// Every reason <see cref="Correct"/> would refuse these values, in the order the correction form asks for them, each
    /// against its field (<c>Commentary</c>, <c>SensitiveCommentary</c>, <c>Status</c>, <c>Reason</c>): a part too long
    /// or a marking in the OFFICIAL part; no commentary or no status left on an update that is not a draft; no reason,
    /// one too long, or a marking in it. Empty when the correction may be made (it may still change nothing).
    /// </summary>
    public IReadOnlyList<(string Field, string Message)> CheckCorrection(Commentary commentary, DeliveryStatus? status, string? reason, Commentary? sensitive = null)
    {
        var problems = new List<(string Field, string Message)>();
        var sensitiveText = (sensitive ?? Commentary.Empty).ToString();
        var text = CheckCommentary(commentary, sensitive);
        problems.AddRange(text.Where(p => p.Field == "Commentary"));
        if (problems.Count == 0 && State != UpdateState.Draft && commentary.IsEmpty && sensitiveText.Length == 0)
        {
            problems.Add(("Commentary", $"Enter the commentary: {Subject} is {Describe(State)}, and a correction cannot leave it with none"));
        }

        problems.AddRange(text.Where(p => p.Field == "SensitiveCommentary"));

        if (State != UpdateState.Draft && status is null)
        {
            problems.Add(("Status", $"Select the delivery status: {Subject} is {Describe(State)}, and a correction cannot leave it with none"));
        }

        var why = (reason ?? "").Trim();
        if (why.Length == 0)
        {
            problems.Add(("Reason", "Enter the reason for the correction"));
        }
        else if (why.Length > MaxCorrectionReasonCharacters)
        {
            problems.Add(("Reason", string.Create(Common.EnGb.Culture,
                $"The reason for the correction must be {MaxCorrectionReasonCharacters:N0} characters or fewer (it has {why.Length:N0})")));
        }
        else if (MarkingInText.Find(why) is { } inReason)
        {
            problems.Add(("Reason", MarkingInText.Describe(inReason, "The reason for the correction")));
        }

        return problems;
    }

    /// <summary>Sends the update for review.</summary>
    /// <exception cref="DomainException">Round not open; not a draft or returned update; no commentary; no delivery status.</exception>
    public void Submit(ReportingRound round, string actor, DateTimeOffset now)
    {
        EnsureRound(round);
        EnsureOpen(round, "take submissions");
        if (State is not (UpdateState.Draft or UpdateState.Returned))
        {
            throw new DomainException($"{Subject} is {Describe(State)}: only a draft or returned update can be submitted.");
        }

        if (string.IsNullOrWhiteSpace(CommentaryText) && string.IsNullOrWhiteSpace(SensitiveCommentaryText))
        {
            throw new DomainException($"{Subject} has no commentary: write some before submitting.");
        }

        if (Status is null)
        {
            throw new DomainException($"{Subject} has no delivery status: select one before submitting.");
        }

        State = UpdateState.Submitted;
        SubmittedAt = now;
        Touch(UpdateAction.Submitted, Required(actor, "actor"), now, null);
    }

    /// <summary>Takes a submitted update back before anyone has reviewed it: it is a draft again, for its writer to change.</summary>
    /// <exception cref="DomainException">Round not open; not submitted (a reviewed update cannot be withdrawn).</exception>
    public void Withdraw(ReportingRound round, string actor, DateTimeOffset now)
    {
        EnsureRound(round);
        EnsureOpen(round, "take withdrawals");
        if (State != UpdateState.Submitted)
        {
            throw new DomainException($"{Subject} is {Describe(State)}: only a submitted update that nobody has reviewed yet can be withdrawn.");
        }

        State = UpdateState.Draft;
        SubmittedAt = null;
        Touch(UpdateAction.Withdrawn, Required(actor, "actor"), now, null);
    }

    /// <summary>The most characters each part of a reviewer's comment may hold.</summary>
    public const int CommentMaxLength = 4000;

    /// <summary>
    /// Every reason a reviewer's comment would be refused, each against its field (<c>Comment</c>,
    /// <c>SensitiveComment</c>): a protective marking typed into the OFFICIAL part; either part longer than
    /// <see cref="CommentMaxLength"/>. Empty when both are fine.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> CheckComment(string? comment, string? sensitiveComment)
    {
        var problems = new List<(string Field, string Message)>();
        if ((MarkingInText.Find(comment) is { } marking ? MarkingInText.Describe(marking, "The comment") : TextLimit.Exceeded(comment, CommentMaxLength, "The comment")) is { } official)
        {
            problems.Add(("Comment", official));
        }

        if (TextLimit.Exceeded(sensitiveComment, CommentMaxLength, "The OFFICIAL-SENSITIVE comment") is { } sensitive)
        {
            problems.Add(("SensitiveComment", sensitive));
        }

        return problems;
    }

    /// <summary>Accepts a submitted update, with an optional comment in two parts (OFFICIAL and OFFICIAL-SENSITIVE).</summary>
    /// <exception cref="DomainException">Not submitted, the round is not open, or a marking typed into the OFFICIAL comment.</exception>
    public void Approve(ReportingRound round, string reviewer, string? comment, DateTimeOffset now, string? sensitiveComment = null)
    {
        Review(round, UpdateState.Approved, reviewer, comment, sensitiveComment, now);
    }

    /// <summary>Sends a submitted update back to its writer with a comment saying what to change.</summary>
    /// <exception cref="DomainException">Not submitted, the round is not open, no comment given, or a marking typed into the OFFICIAL comment.</exception>
    public void Return(ReportingRound round, string reviewer, string comment, DateTimeOffset now, string? sensitiveComment = null)
    {
        if (string.IsNullOrWhiteSpace(comment) && string.IsNullOrWhiteSpace(sensitiveComment))
        {
            throw new DomainException("Say what needs to change when returning an update.");
        }

        Review(round, UpdateState.Returned, reviewer, comment, sensitiveComment, now);
    }

    private void Review(ReportingRound round, UpdateState outcome, string reviewer, string? comment, string? sensitiveComment, DateTimeOffset now)
    {
        EnsureRound(round);
        round.EnsureNotPublished("take reviews");
        if (!round.IsOpen)
        {
            throw new DomainException($"The {round.Period} round is closed, so it cannot take reviews: reopen the round first, so that a returned update can be changed.");
        }

        if (CheckComment(comment, sensitiveComment).FirstOrDefault() is { Message: { } problem })
        {
            throw new DomainException(problem);
        }

        if (State != UpdateState.Submitted)
        {
            throw new DomainException($"{Subject} is {Describe(State)}: only a submitted update can be reviewed.");
        }

        State = outcome;
        Reviewer = Required(reviewer, "reviewer");
        ReviewerComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        SensitiveReviewerComment = string.IsNullOrWhiteSpace(sensitiveComment) ? null : sensitiveComment.Trim();
        ReviewedAt = now;
        Touch(outcome == UpdateState.Approved ? UpdateAction.Approved : UpdateAction.Returned, Reviewer, now, ReviewerComment);
    }

    private void Touch(UpdateAction action, string actor, DateTimeOffset now, string? comment)
    {
        UpdatedAt = now;
        Version++;
        Record(action, actor, now, comment);
    }

    private void Record(UpdateAction action, string actor, DateTimeOffset now, string? comment) =>
        history.Add(new UpdateRevision(history.Count + 1, action, actor, now, CommentaryText, Status, comment)
        {
            SensitiveCommentary = SensitiveCommentaryText,
            SensitiveComment = action is UpdateAction.Approved or UpdateAction.Returned ? SensitiveReviewerComment : null,
        });

    /// <summary>Refuses a marking in the OFFICIAL part; gives the sensitive part's text form.</summary>
    private static string OfficialOnly(Commentary commentary, Commentary? sensitive)
    {
        if (CheckCommentary(commentary, sensitive).FirstOrDefault() is { Message: { } problem })
        {
            throw new DomainException(problem);
        }

        return (sensitive ?? Commentary.Empty).ToString();
    }

    /// <summary>
    /// Every reason the two parts of a commentary would be refused, each against its field (<c>Commentary</c>,
    /// <c>SensitiveCommentary</c>): a part longer than <see cref="MaxCommentaryCharacters"/>; a protective marking typed
    /// into the OFFICIAL part. Empty when both are fine.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> CheckCommentary(Commentary commentary, Commentary? sensitive)
    {
        var problems = new List<(string Field, string Message)>();
        var official = commentary.ToString();
        if ((LengthProblem(official, "The OFFICIAL commentary") ?? (MarkingInText.Find(official) is { } marking ? MarkingInText.Describe(marking, "The OFFICIAL commentary") : null)) is { } officialProblem)
        {
            problems.Add(("Commentary", officialProblem));
        }

        if (LengthProblem((sensitive ?? Commentary.Empty).ToString(), "The OFFICIAL-SENSITIVE commentary") is { } sensitiveProblem)
        {
            problems.Add(("SensitiveCommentary", sensitiveProblem));
        }

        return problems;
    }

    /// <summary>
    /// Every reason a writer's save would be refused before the store is touched, in the order the writer's form asks
    /// (<c>Commentary</c>, <c>SensitiveCommentary</c>, <c>Status</c>): a part too long or marked (<see cref="CheckCommentary"/>);
    /// submitting with no commentary in either part, or with no delivery status; a first save with nothing in it at
    /// all. <paramref name="sensitive"/> is the sensitive part that will be stored (the stored one when the writer may
    /// not read it); <paramref name="noun"/> names the text in messages ("commentary", "narrative").
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> CheckWriting(Commentary commentary, Commentary? sensitive, DeliveryStatus? status, bool submit, bool started, string noun)
    {
        var text = CheckCommentary(commentary, sensitive);
        var empty = commentary.IsEmpty && (sensitive ?? Commentary.Empty).IsEmpty;
        var problems = new List<(string Field, string Message)>();
        var official = text.Where(p => p.Field == "Commentary").Select(p => p.Message).FirstOrDefault()
            ?? (submit && empty ? $"Write the {noun} before submitting"
                : !submit && !started && status is null && empty ? "Enter the commentary or select the delivery status to save a draft"
                : null);
        if (official is not null)
        {
            problems.Add(("Commentary", official));
        }

        problems.AddRange(text.Where(p => p.Field == "SensitiveCommentary"));
        if (submit && status is null)
        {
            problems.Add(("Status", "Select the delivery status before submitting"));
        }

        return problems;
    }

    /// <summary>Why a commentary part is too long; null when it fits in <see cref="MaxCommentaryCharacters"/>.</summary>
    private static string? LengthProblem(string text, string what) => text.Length > MaxCommentaryCharacters
        ? string.Create(Common.EnGb.Culture, $"{what} must be {MaxCommentaryCharacters:N0} characters or fewer (it has {text.Length:N0}). Shorten it and save again.")
        : null;

    private void EnsureRound(ReportingRound round)
    {
        if (!ReferenceEquals(round, Round) && round.Id != RoundId)
        {
            throw new ArgumentException("The round given is not this update's round.", nameof(round));
        }
    }

    private static void EnsureOpen(ReportingRound round, string what)
    {
        round.EnsureNotPublished(what);
        if (!round.IsOpen)
        {
            throw new DomainException($"The {round.Period} round is closed, so it cannot {what}.");
        }
    }

    private static string Describe(UpdateState state) => state switch
    {
        UpdateState.Draft => "a draft",
        UpdateState.Submitted => "submitted",
        UpdateState.Approved => "approved",
        UpdateState.Returned => "returned",
    };

    private protected static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"An update needs a {field}.") : value.Trim();
}
