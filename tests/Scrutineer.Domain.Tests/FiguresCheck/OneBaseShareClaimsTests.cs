using Scrutineer.Domain.FiguresCheck;

namespace Scrutineer.Domain.Tests.FiguresCheck;

/// <summary>Shares stated without their counts that must all come from one stated base.</summary>
public sealed class OneBaseShareClaimsTests
{
    [Theory]
    [InlineData("Of the same 7 tasks, 29% are complete and 43% are ongoing.")]
    [InlineData("Of the same 8 tasks, 12.5% are complete and 37.5% are ongoing.")]
    [InlineData("Of the same 8 tasks, 13% are complete and 38% are ongoing.")]
    [InlineData("Of the same 40 actions, 30 per cent are complete.")]
    [InlineData("Of the same 7 districts, burglary rose 25% in one.")]
    [InlineData("Of the same 7 tasks, 25% (2) are complete.")]
    public void Check_SharesOneBaseCanGive_NothingFlagged(string text)
    {
        var findings = FigureChecker.Check(text, "test");

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [InlineData("Of the same 7 tasks, 25% are complete and 43% are ongoing.", "no whole number out of 7 gives 25%: 1 of 7 is 14.3% and 2 of 7 is 28.6%")]
    [InlineData("Of the same 7 tasks, 29% are complete and 33% are ongoing.", "no whole number out of 7 gives 33%: 2 of 7 is 28.6% and 3 of 7 is 42.9%")]
    [InlineData("Of the same 40 actions, 31 per cent are complete.", "no whole number out of 40 gives 31%: 12 of 40 is 30.0% and 13 of 40 is 32.5%")]
    public void Check_ShareNoWholeNumberOfBaseGives_FlaggedWithNearestShares(string text, string implied)
    {
        var findings = FigureChecker.Check(text, "test");

        var finding = Assert.Single(findings);
        Assert.Equal(implied, finding.Implied);
    }
}
