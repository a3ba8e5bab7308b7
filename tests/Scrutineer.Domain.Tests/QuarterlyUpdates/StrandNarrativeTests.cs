using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Domain.Tests.QuarterlyUpdates;

/// <summary>A strand's narrative follows the update workflow (<see cref="ReviewedUpdate"/>), its messages naming the strand.</summary>
public sealed class StrandNarrativeTests
{
    private static readonly DateTimeOffset Now = TestClock.DefaultStart;

    private readonly ReportingRound round = new(new PlanBuilder().WithPriority("Safer streets", 1).Build(), FinancialQuarter.Parse("Q2 2023/24"), new DateOnly(2023, 10, 20), Now);

    private readonly ThematicStrand strand = new CrimePreventionStrategy("Crime Prevention Strategy", 2021, 2024, null).AddStrand("Hate Crime");

    [Fact]
    public void Submit_NoCommentary_RefusedNamingTheStrand()
    {
        var narrative = new StrandNarrative(round, strand, "Insp Nadia Hussain", Now);

        var ex = Assert.Throws<DomainException>(() => narrative.Submit(round, "Insp Nadia Hussain", Now));

        Assert.Equal("The narrative for Hate Crime has no commentary: write some before submitting.", ex.Message);
    }

    [Fact]
    public void Edit_Submitted_RefusedUntilReturned_ThenApprovedWithTheWholeHistory()
    {
        var narrative = new StrandNarrative(round, strand, "Insp Nadia Hussain", Now);
        narrative.Edit(round, Commentary.Parse("Centres opened."), DeliveryStatus.OnTrack, "Insp Nadia Hussain", Now);
        narrative.Submit(round, "Insp Nadia Hussain", Now);

        var ex = Assert.Throws<DomainException>(() => narrative.Edit(round, Commentary.Parse("Changed."), DeliveryStatus.OnTrack, "Insp Nadia Hussain", Now));
        narrative.Return(round, "C. Ashworth", "Say which districts.", Now);
        narrative.Edit(round, Commentary.Parse("Centres opened in every district."), DeliveryStatus.OnTrack, "Insp Nadia Hussain", Now);
        narrative.Submit(round, "Insp Nadia Hussain", Now);
        narrative.Approve(round, "C. Ashworth", null, Now);

        Assert.Equal("The narrative for Hate Crime is submitted and awaiting review: it can be changed once returned.", ex.Message);
        Assert.Equal(UpdateState.Approved, narrative.State);
        Assert.Equal("Centres opened in every district.", narrative.CommentaryText);
        Assert.Equal(7, narrative.History.Count);
    }

    [Fact]
    public void Assign_ContributorLeadingStrandsOnly_Allowed_ButNotWithAPriority()
    {
        var lead = new UserAccount("lead", "Omar Patel", Role.Contributor, "hash", Now, [new AccountScope(ScopeKind.Strand, 4)]);

        var ex = Assert.Throws<DomainException>(() => lead.Assign(Role.Contributor, [new AccountScope(ScopeKind.Strand, 4), new AccountScope(ScopeKind.Priority, 1)]));

        Assert.Equal([4], lead.StrandIds);
        Assert.Equal("A contributor needs at least one unit (or strategy strand it leads), and no priorities.", ex.Message);
    }
}
