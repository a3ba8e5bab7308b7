using Scrutineer.Domain.FiguresCheck;

namespace Scrutineer.Domain.Tests.FiguresCheck;

/// <summary>A rate against its stated numerator and denominator.</summary>
public sealed class RateClaimsTests
{
    [Theory]
    [InlineData("Burglary was at a rate of 3.2 per 1,000 from 160 crimes and 50,000 residents.")]
    [InlineData("Burglary was at a rate of 3 per 1,000 from 160 crimes and 50,000 residents.")]
    [InlineData("Knife crime ran at a rate of 0.45 per 1,000 population, from 828 offences and 1,846,000 residents.")]
    public void Check_ConsistentRate_NothingFlagged(string text)
    {
        var findings = FigureChecker.Check(text, "test");

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [InlineData("Burglary was at a rate of 3.6 per 1,000 from 160 crimes and 50,000 residents.", "160 / 50,000 × 1,000 is 3.2, not 3.6")]
    [InlineData("Knife crime ran at a rate of 0.54 per 1,000 population, from 828 offences and 1,846,000 residents.", "828 / 1,846,000 × 1,000 is 0.45, not 0.54")]
    public void Check_InconsistentRate_FlaggedWithExpectedValue(string text, string implied)
    {
        var findings = FigureChecker.Check(text, "test");

        var finding = Assert.Single(findings);
        Assert.Equal(implied, finding.Implied);
    }
}
