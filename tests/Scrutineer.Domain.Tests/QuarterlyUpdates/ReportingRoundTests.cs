using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;

namespace Scrutineer.Domain.Tests.QuarterlyUpdates;

public sealed class ReportingRoundTests
{
    private static readonly DateTimeOffset Now = TestClock.DefaultStart;

    [Fact]
    public void Lifecycle_OpenCloseReopenClosePublish()
    {
        var round = new ReportingRound(new PlanBuilder().Build(), FinancialQuarter.Parse("Q4 2023/24"), new DateOnly(2024, 4, 19), Now);

        round.Close(Now.AddDays(1));
        round.Reopen(Now.AddDays(2));
        round.Close(Now.AddDays(3));
        round.Publish(Now.AddDays(4));

        Assert.Equal(RoundState.Published, round.State);
        Assert.Equal(Now.AddDays(2), round.ReopenedAt);
    }

    [Fact]
    public void Publish_OpenRound_Refused()
    {
        var round = new ReportingRound(new PlanBuilder().Build(), FinancialQuarter.Parse("Q4 2023/24"), new DateOnly(2024, 4, 19), Now);

        var ex = Assert.Throws<DomainException>(() => round.Publish(Now));

        Assert.Contains("close it before publishing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewRound_OutsideThePlansYears_Refused()
    {
        var plan = new PlanBuilder().Covering(new FinancialYear(2021), new FinancialYear(2023)).Build();

        var ex = Assert.Throws<DomainException>(() => new ReportingRound(plan, FinancialQuarter.Parse("Q1 2024/25"), new DateOnly(2024, 7, 19), Now));

        Assert.Contains("outside", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-04-19", false)]
    [InlineData("2024-04-20", true)]
    public void IsPastDeadline_DeadlineDayIsStillInTime(string today, bool past)
    {
        var round = new ReportingRound(new PlanBuilder().Build(), FinancialQuarter.Parse("Q4 2023/24"), new DateOnly(2024, 4, 19), Now);

        Assert.Equal(past, round.IsPastDeadline(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ExtendedPlan_CoversTheExtraYear()
    {
        var plan = new PlanBuilder().Covering(new FinancialYear(2021), new FinancialYear(2023)).Build();
        plan.ExtendTo(new FinancialYear(2024), "election delayed");

        var round = new ReportingRound(plan, FinancialQuarter.Parse("Q1 2024/25"), new DateOnly(2024, 7, 19), Now);

        Assert.Equal(RoundState.Open, round.State);
        Assert.Equal(new FinancialYear(2023), plan.OriginalLastYear);
    }
}
