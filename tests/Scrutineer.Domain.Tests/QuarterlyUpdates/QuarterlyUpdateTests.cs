using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Domain.Tests.QuarterlyUpdates;

public sealed class QuarterlyUpdateTests
{
    private static readonly DateTimeOffset Now = TestClock.DefaultStart;
    private static readonly FinancialQuarter Q4 = FinancialQuarter.Parse("2023/24-Q4");

    private readonly PlanBuilder builder = new();
    private readonly Plan plan;
    private readonly ReportingRound round;
    private readonly Commitment commitment;

    public QuarterlyUpdateTests()
    {
        plan = builder.WithPriority("Roads", 2).Build();
        round = new ReportingRound(plan, Q4, new DateOnly(2024, 4, 19), Now);
        commitment = plan.Commitments.First();
    }

    private Unit B => builder.Units[1];

    private QuarterlyUpdate Written()
    {
        var update = new QuarterlyUpdate(round, commitment, B, "Author", Now);
        update.Edit(round, Commentary.Parse("Progress made.\n\n- 12 arrests"), DeliveryStatus.OnTrack, "Author", Now.AddMinutes(5));
        return update;
    }

    [Fact]
    public void NewUpdate_UnitNotResponsible_Refused()
    {
        var ex = Assert.Throws<DomainException>(() => new QuarterlyUpdate(round, commitment, builder.Units[2], "Author", Now));

        Assert.Contains("not responsible", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_Draft_BecomesSubmittedAndRecorded()
    {
        var update = Written();

        update.Submit(round, "Author", Now.AddHours(1));

        Assert.Equal(UpdateState.Submitted, update.State);
        Assert.Equal([UpdateAction.Created, UpdateAction.Edited, UpdateAction.Submitted], update.History.Select(h => h.Action));
    }

    [Fact]
    public void Edit_DraftWithoutStatus_SavedWithNone_SubmitRefusedUntilChosen()
    {
        var update = new QuarterlyUpdate(round, commitment, B, "Author", Now);

        update.Edit(round, Commentary.Parse("First notes."), null, "Author", Now.AddMinutes(5));

        Assert.Null(update.Status);
        Assert.Null(update.History[^1].Status);
        var ex = Assert.Throws<DomainException>(() => update.Submit(round, "Author", Now.AddMinutes(6)));
        Assert.Equal($"The update on {commitment.Reference} by {B.ShortName} has no delivery status: select one before submitting.", ex.Message);
        Assert.Equal(UpdateState.Draft, update.State);

        update.Edit(round, Commentary.Parse("First notes."), DeliveryStatus.AtRisk, "Author", Now.AddMinutes(7));
        update.Submit(round, "Author", Now.AddMinutes(8));
        Assert.Equal(UpdateState.Submitted, update.State);
        Assert.Equal(DeliveryStatus.AtRisk, update.Status);
    }

    [Fact]
    public void Submit_NoCommentary_Refused()
    {
        var update = new QuarterlyUpdate(round, commitment, B, "Author", Now);

        var ex = Assert.Throws<DomainException>(() => update.Submit(round, "Author", Now));

        Assert.Contains("no commentary", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_ClosedRound_Refused()
    {
        var update = Written();
        round.Close(Now.AddDays(1));

        var ex = Assert.Throws<DomainException>(() => update.Submit(round, "Author", Now.AddDays(2)));

        Assert.Contains("closed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(UpdateState.Draft, update.State);
    }

    [Fact]
    public void NewUpdate_ClosedRound_Refused()
    {
        round.Close(Now);

        Assert.Throws<DomainException>(() => new QuarterlyUpdate(round, commitment, B, "Author", Now));
    }

    [Fact]
    public void Edit_Submitted_RefusedUntilReturned()
    {
        var update = Written();
        update.Submit(round, "Author", Now.AddHours(1));

        Assert.Throws<DomainException>(() => update.Edit(round, Commentary.Parse("changed"), DeliveryStatus.OnTrack, "Author", Now.AddHours(2)));
    }

    [Fact]
    public void Return_WithoutComment_Refused()
    {
        var update = Written();
        update.Submit(round, "Author", Now.AddHours(1));

        Assert.Throws<DomainException>(() => update.Return(round, "Reviewer", " ", Now.AddHours(2)));
        Assert.Equal(UpdateState.Submitted, update.State);
    }

    [Fact]
    public void ReturnThenResubmit_KeepsEveryVersionInHistory()
    {
        var update = Written();
        update.Submit(round, "Author", Now.AddHours(1));
        update.Return(round, "Reviewer", "Add the figures", Now.AddHours(2));
        update.Edit(round, Commentary.Parse("Progress made.\n\n- 12 arrests\n- 4 warrants"), DeliveryStatus.OnTrack, "Author", Now.AddHours(3));
        update.Submit(round, "Author", Now.AddHours(4));
        update.Approve(round, "Reviewer", null, Now.AddHours(5));

        Assert.Equal(UpdateState.Approved, update.State);
        var history = update.History;
        Assert.Equal(
            [UpdateAction.Created, UpdateAction.Edited, UpdateAction.Submitted, UpdateAction.Returned, UpdateAction.Edited, UpdateAction.Submitted, UpdateAction.Approved],
            history.Select(h => h.Action));
        Assert.Equal("Add the figures", history[3].Comment);
        Assert.DoesNotContain("4 warrants", history[2].Commentary, StringComparison.Ordinal);
        Assert.Contains("4 warrants", history[5].Commentary, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_Approved_RefusedUnlessRoundReopened()
    {
        var update = Written();
        update.Submit(round, "Author", Now.AddHours(1));
        update.Approve(round, "Reviewer", null, Now.AddHours(2));

        Assert.Throws<DomainException>(() => update.Edit(round, Commentary.Parse("late change"), DeliveryStatus.Complete, "Author", Now.AddHours(3)));

        round.Close(Now.AddHours(4));
        round.Reopen(Now.AddHours(5));
        update.Edit(round, Commentary.Parse("late change"), DeliveryStatus.Complete, "Author", Now.AddHours(6));

        Assert.Equal(UpdateState.Draft, update.State);
        Assert.Equal("late change", update.CommentaryText);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Review_ClosedRound_RefusedUntilReopened(bool approve)
    {
        var update = Written();
        update.Submit(round, "Author", Now.AddHours(1));
        round.Close(Now.AddHours(2));

        var ex = Assert.Throws<DomainException>(() =>
        {
            if (approve)
            {
                update.Approve(round, "Reviewer", "Good", Now.AddHours(3));
            }
            else
            {
                update.Return(round, "Reviewer", "Say more", Now.AddHours(3));
            }
        });

        Assert.Equal("The Q4 2023/24 round is closed, so it cannot take reviews: reopen the round first, so that a returned update can be changed.", ex.Message);
        Assert.Equal(UpdateState.Submitted, update.State);
        round.Reopen(Now.AddHours(4));
        update.Approve(round, "Reviewer", "Good", Now.AddHours(5));
        Assert.Equal(UpdateState.Approved, update.State);
    }

    [Theory]
    [InlineData("OFFICIAL-SENSITIVE: named suspect")]
    [InlineData("Official Sensitive - named suspect")]
    [InlineData("Progress.\n\n[official–sensitive] named suspect")]
    public void Edit_MarkingInOfficialText_RefusedAndNothingChanged(string text)
    {
        var update = Written();
        var before = (update.CommentaryText, update.Version);

        var ex = Assert.Throws<DomainException>(() => update.Edit(round, Commentary.Parse(text), DeliveryStatus.OnTrack, "Author", Now.AddHours(1)));

        Assert.StartsWith("The OFFICIAL commentary contains the marking", ex.Message, StringComparison.Ordinal);
        Assert.Contains("move that text into the OFFICIAL-SENSITIVE part", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, (update.CommentaryText, update.Version));
    }

    [Fact]
    public void Edit_SensitivePart_KeptApartAndInTheHistory()
    {
        var update = Written();

        update.Edit(round, Commentary.Parse("Open text."), DeliveryStatus.OnTrack, "Author", Now.AddHours(1), Commentary.Parse("Covert detail."));

        Assert.Equal("Open text.", update.CommentaryText);
        Assert.Equal("Covert detail.", update.SensitiveCommentaryText);
        Assert.Equal(Domain.Documents.Classification.OfficialSensitive, update.Classification);
        Assert.Equal("Covert detail.", update.History[^1].SensitiveCommentary);
    }

    [Fact]
    public void Submit_OnlySensitiveCommentary_Allowed()
    {
        var update = new QuarterlyUpdate(round, commitment, B, "Author", Now);
        update.Edit(round, Commentary.Empty, DeliveryStatus.OnTrack, "Author", Now.AddMinutes(1), Commentary.Parse("Covert detail only."));

        update.Submit(round, "Author", Now.AddMinutes(2));

        Assert.Equal(UpdateState.Submitted, update.State);
    }

    [Fact]
    public void Return_MarkingInOfficialComment_Refused()
    {
        var update = Written();
        update.Submit(round, "Author", Now.AddHours(1));

        var ex = Assert.Throws<DomainException>(() => update.Return(round, "Reviewer", "OFFICIAL SENSITIVE: the suspect is named", Now.AddHours(2)));

        Assert.StartsWith("The comment contains the marking \"OFFICIAL SENSITIVE\" on line 1.", ex.Message, StringComparison.Ordinal);
        update.Return(round, "Reviewer", "Move the names out of the open part.", Now.AddHours(2), "The suspect is named in paragraph 2.");
        Assert.Equal("The suspect is named in paragraph 2.", update.SensitiveReviewerComment);
        Assert.Equal("The suspect is named in paragraph 2.", update.History[^1].SensitiveComment);
    }

    [Fact]
    public void PublishedRound_IsReadOnly()
    {
        var update = Written();
        update.Submit(round, "Author", Now.AddHours(1));
        round.Close(Now.AddHours(2));
        round.Publish(Now.AddHours(3));

        Assert.Throws<DomainException>(() => update.Approve(round, "Reviewer", null, Now.AddHours(4)));
        Assert.Throws<DomainException>(() => update.Correct(round, Commentary.Parse("x"), DeliveryStatus.OnTrack, "Analyst", Now.AddHours(4), "Typo"));
        Assert.Throws<DomainException>(() => round.Reopen(Now.AddHours(4)));
        Assert.Throws<DomainException>(() => round.SetDeadline(new DateOnly(2024, 5, 1)));
    }

    [Fact]
    public void Correct_ByAnalyst_KeepsStateAndIsRecorded()
    {
        var update = Written();
        update.Submit(round, "Author", Now.AddHours(1));
        round.Close(Now.AddHours(2));

        var before = update.CommentaryText;
        update.Correct(round, Commentary.Parse("Progress made. Typo fixed."), DeliveryStatus.AtRisk, "Analyst", Now.AddHours(3), "  Typo in the first sentence ");

        Assert.Equal(UpdateState.Submitted, update.State);
        var entry = update.History[^1];
        Assert.Equal(("Analyst", UpdateAction.Corrected, "Typo in the first sentence"), (entry.Actor, entry.Action, entry.Comment));
        Assert.Equal(("Progress made. Typo fixed.", DeliveryStatus.AtRisk), (entry.Commentary, entry.Status));
        Assert.Equal((before, DeliveryStatus.OnTrack), (update.History[^2].Commentary, update.History[^2].Status));
    }

    [Theory]
    [InlineData("", "Enter the reason for the correction")]
    [InlineData("   ", "Enter the reason for the correction")]
    [InlineData("OFFICIAL-SENSITIVE: the informant", "The reason for the correction contains the marking")]
    public void Correct_WithoutAFitReason_RefusedAndNothingChanged(string reason, string message)
    {
        var update = Written();
        var version = update.Version;

        var refused = Assert.Throws<DomainException>(() => update.Correct(round, Commentary.Parse("Changed."), DeliveryStatus.AtRisk, "Analyst", Now.AddHours(3), reason));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.Equal((version, DeliveryStatus.OnTrack), (update.Version, update.Status));
    }

    [Fact]
    public void Correct_ReasonTooLong_RefusedSayingTheLimit()
    {
        var update = Written();

        var refused = Assert.Throws<DomainException>(() => update.Correct(round, Commentary.Parse("Changed."), DeliveryStatus.AtRisk, "Analyst", Now.AddHours(3), new string('r', 1_001)));

        Assert.Equal("The reason for the correction must be 1,000 characters or fewer (it has 1,001)", refused.Message);
    }

    [Fact]
    public void Correct_LeavingASubmittedUpdateWithoutCommentaryOrStatus_Refused()
    {
        var update = Written();
        update.Submit(round, "Author", Now.AddHours(1));
        var version = update.Version;

        var empty = Assert.Throws<DomainException>(() => update.Correct(round, Commentary.Parse(""), DeliveryStatus.OnTrack, "Analyst", Now.AddHours(3), "Typo"));
        var noStatus = Assert.Throws<DomainException>(() => update.Correct(round, Commentary.Parse("Changed."), null, "Analyst", Now.AddHours(3), "Typo"));

        Assert.StartsWith("Enter the commentary: ", empty.Message, StringComparison.Ordinal);
        Assert.EndsWith("a correction cannot leave it with none", empty.Message, StringComparison.Ordinal);
        Assert.StartsWith("Select the delivery status: ", noStatus.Message, StringComparison.Ordinal);
        Assert.Equal(version, update.Version);
    }

    [Fact]
    public void Correct_ChangingNothing_RefusedSayingSo()
    {
        var update = Written();

        var refused = Assert.Throws<DomainException>(() => update.Correct(round, update.Commentary, update.Status, "Analyst", Now.AddHours(3), "Typo", update.SensitiveCommentary));

        Assert.Equal("The correction changes nothing: change the commentary or the delivery status, or leave the update as it is", refused.Message);
    }

    [Fact]
    public void Version_RisesOnEveryChange()
    {
        var update = Written();
        var before = update.Version;

        update.Submit(round, "Author", Now.AddHours(1));

        Assert.Equal(before + 1, update.Version);
    }
}
