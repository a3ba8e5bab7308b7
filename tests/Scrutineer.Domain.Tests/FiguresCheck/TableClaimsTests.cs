using Scrutineer.Domain.FiguresCheck;

namespace Scrutineer.Domain.Tests.FiguresCheck;

/// <summary>Typed tables in the forms the board papers use: pipe or tab separated, leading or trailing totals, progress tables.</summary>
public sealed class TableClaimsTests
{
    [Theory]
    [InlineData("Area | Burglary | Robbery | Total\nNorth | 10 | 5 | 15\nSouth | 7 | 3 | 10\nTotal | 17 | 8 | 25")]
    [InlineData("Area\tBurglary\tRobbery\tTotal\nNorth\t10\t5\t15\nSouth\t7\t3\t10")]
    [InlineData("Strand | Complete | Ongoing | At risk | Not started | Total\nDomestic Abuse | 4 | 5 | 1 | 2 | 12\nHate Crime | 2 | 3 | 0 | 1 | 6")]
    [InlineData("Strand | Total | Complete | Ongoing | At risk\nDomestic Abuse | 10 | 4 | 6 | 1\nHate Crime | 6 | 2 | 4 | 2")]
    [InlineData("Strand | Total | Complete | Ongoing | At risk\nDomestic Abuse | 11 | 4 | 6 | 1\nHate Crime | 8 | 2 | 4 | 2")]
    [InlineData("Area | Crimes | Rate per 1,000 | Total\nNorth | 10 | 2.5 | 10\nSouth | 7 | 1.1 | 7")]
    public void Check_ConsistentTable_NothingFlagged(string text)
    {
        var findings = FigureChecker.Check(text, "test");

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [InlineData("Area | Burglary | Robbery | Total\nNorth | 10 | 5 | 16\nSouth | 7 | 3 | 10", "North | Total: 16", "Burglary + Robbery = 15, not 16")]
    [InlineData("Area\tBurglary\tRobbery\tTotal\nNorth\t10\t5\t15\nSouth\t7\t3\t11", "South | Total: 11", "Burglary + Robbery = 10, not 11")]
    [InlineData("Area | Burglary | Robbery\nNorth | 10 | 5\nSouth | 7 | 3\nTotal | 17 | 9", "Total | Robbery: 9", "the rows above add up to 8, not 9")]
    [InlineData("Strand | Complete | Ongoing | At risk | Not started | Total\nDomestic Abuse | 4 | 5 | 1 | 2 | 13\nHate Crime | 2 | 3 | 0 | 1 | 6", "Domestic Abuse | Total: 13", "Complete + Ongoing + At risk + Not started = 12, not 13")]
    [InlineData("Strand | Total | Complete | Ongoing | At risk\nDomestic Abuse | 11 | 4 | 6 | 1\nHate Crime | 6 | 2 | 4 | 2", "Hate Crime | Total: 6", "Complete + Ongoing + At risk = 8, not 6; it adds up only if \"at risk\" is counted inside \"ongoing\", which other rows of this table do not do")]
    public void Check_InconsistentTable_FlaggedWithExpectedValue(string text, string claim, string implied)
    {
        var findings = FigureChecker.Check(text, "test");

        var finding = Assert.Single(findings);
        Assert.Equal(claim, finding.Claim);
        Assert.Equal(implied, finding.Implied);
    }
}
