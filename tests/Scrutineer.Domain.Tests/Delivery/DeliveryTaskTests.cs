using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Tests.Delivery;

public sealed class DeliveryTaskTests
{
    private static readonly DateOnly Start = new(2023, 4, 1);

    private static (CrimePreventionStrategy Strategy, DeliveryTask Task) NewTask()
    {
        var strategy = new CrimePreventionStrategy("Crime Prevention Strategy 2021-2024", 2021, 2024, null);
        var plan = strategy.AddStrand("Hate Crime").PlanTitled("Hate Crime 4P plan");
        return (strategy, plan.AddTask(FourPStage.Pursue, 5, "Increase case referrals", Start, "test"));
    }

    [Fact]
    public void ChangeStatus_AtRiskWithoutRisk_Throws()
    {
        var (_, task) = NewTask();

        var error = Assert.Throws<DomainException>(() => task.ChangeStatus(DeliveryTaskStatus.AtRisk, Start, "test"));

        Assert.Contains("PURSUE 5", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": Enter the risk: a task at risk must say what might stop it being delivered.", error.Message, StringComparison.Ordinal);
        Assert.Equal(DeliveryTaskStatus.NotStarted, task.Status);
    }

    [Fact]
    public void ChangeStatus_MitigationOrNoteTooLong_RefusedInGovUkWords()
    {
        var (_, task) = NewTask();

        var mitigation = Assert.Throws<DomainException>(() => task.ChangeStatus(DeliveryTaskStatus.AtRisk, Start, "test", "Funding", new string('m', 4_001)));
        var note = Assert.Throws<DomainException>(() => task.NoteSensitive(new string('n', 4_001)));

        Assert.EndsWith(": The mitigation must be 4,000 characters or less.", mitigation.Message, StringComparison.Ordinal);
        Assert.Equal("The OFFICIAL-SENSITIVE note must be 4,000 characters or less", note.Message);
        Assert.Equal((DeliveryTaskStatus.NotStarted, null), (task.Status, task.SensitiveNote));
        Assert.Empty(DeliveryTask.CheckStatus(DeliveryTaskStatus.AtRisk, "Funding", new string('m', 4_000)));
    }

    [Fact]
    public void ChangeStatus_Sequence_KeepsHistoryAndAnswersStatusOnAnyDay()
    {
        var (_, task) = NewTask();
        task.ChangeStatus(DeliveryTaskStatus.Ongoing, new DateOnly(2023, 5, 1), "a");
        task.ChangeStatus(DeliveryTaskStatus.AtRisk, new DateOnly(2023, 8, 1), "b", "No analyst", "Borrow one");
        task.ChangeStatus(DeliveryTaskStatus.Complete, new DateOnly(2023, 12, 1), "c");

        Assert.False(task.ChangeStatus(DeliveryTaskStatus.Complete, new DateOnly(2024, 1, 1), "d"));
        Assert.Equal([DeliveryTaskStatus.NotStarted, DeliveryTaskStatus.Ongoing, DeliveryTaskStatus.AtRisk, DeliveryTaskStatus.Complete], task.History.Select(h => h.To));
        Assert.Equal(("No analyst", "Borrow one"), (task.History[2].Risk, task.History[2].Mitigation));
        Assert.Null(task.Risk);
        Assert.Null(task.StatusOn(new DateOnly(2023, 3, 31)));
        Assert.Equal(DeliveryTaskStatus.AtRisk, task.StatusOn(new FinancialQuarter(new FinancialYear(2023), 2).DataTo));
        Assert.Equal(DeliveryTaskStatus.Complete, task.StatusOn(new DateOnly(2023, 12, 1)));
    }

    [Fact]
    public void ChangeStatus_BeforeLastChange_Throws()
    {
        var (_, task) = NewTask();
        task.ChangeStatus(DeliveryTaskStatus.Ongoing, new DateOnly(2023, 5, 1), "a");

        Assert.Throws<DomainException>(() => task.ChangeStatus(DeliveryTaskStatus.Complete, new DateOnly(2023, 4, 30), "b"));
    }

    [Fact]
    public void AddTask_SameStageAndNumber_Throws_ButSameNumberOtherStageIsAllowed()
    {
        var (_, task) = NewTask();

        Assert.Throws<DomainException>(() => task.Plan.AddTask(FourPStage.Pursue, 5, "Again", Start, "t"));
        Assert.Equal("PROTECT 5", task.Plan.AddTask(FourPStage.Protect, 5, "Same number, other stage", Start, "t").Reference);
    }

    [Fact]
    public void RecordQuarter_Twice_ReplacesThatQuarterOnly()
    {
        var (_, task) = NewTask();
        var q3 = new FinancialQuarter(new FinancialYear(2023), 3);
        task.RecordQuarter(q3, ["First"], ["Next"]);
        task.RecordQuarter(q3.Next, ["Later"], []);
        task.RecordQuarter(q3, ["Replaced"], []);

        Assert.Equal(["Replaced"], task.NotesFor(q3, QuarterNoteKind.Achieved));
        Assert.Empty(task.NotesFor(q3, QuarterNoteKind.Scheduled));
        Assert.Equal(["Later"], task.NotesFor(q3.Next, QuarterNoteKind.Achieved));
    }

    [Fact]
    public void AssignLead_NewPerson_ClosesThePreviousOneTheDayBefore()
    {
        var (strategy, _) = NewTask();
        var strand = strategy.Strands[0];
        strand.AssignLead(LeadRole.Tactical, "Insp Nadia Hussain", null, new DateOnly(2021, 11, 29), "a");
        Assert.Null(strand.AssignLead(LeadRole.Tactical, "insp nadia hussain", null, new DateOnly(2022, 1, 1), "b"));
        strand.AssignLead(LeadRole.Tactical, "Insp Ravi Shah", null, new DateOnly(2023, 6, 1), "c");

        Assert.Equal("Insp Nadia Hussain", strand.LeadsOn(new DateOnly(2023, 5, 31)).Single().Person);
        Assert.Equal("Insp Ravi Shah", strand.LeadsOn(new DateOnly(2023, 6, 1)).Single().Person);
        Assert.Equal(2, strand.Leads.Count);
    }

    [Fact]
    public void FindStrand_AmpersandAndCaseVariants_MatchTheSameStrand()
    {
        var strategy = new CrimePreventionStrategy("S", null, null, null);
        var strand = strategy.AddStrand("Gangs and Knife Crime", ["GANG CRIMINALITY AND KNIFE CRIME"]);

        Assert.Same(strand, strategy.FindStrand("Gangs & Knife Crime"));
        Assert.Same(strand, strategy.FindStrand("gang criminality and knife crime"));
        Assert.Null(strategy.FindStrand("Knife Crime"));
        Assert.Throws<DomainException>(() => strategy.AddStrand("GANGS & KNIFE CRIME"));
    }
}
