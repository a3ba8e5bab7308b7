using Scrutineer.Domain.FiguresCheck;

namespace Scrutineer.Domain.Tests.FiguresCheck;

/// <summary>Changes with their difference stated beside the levels, in the forms the board papers use.</summary>
public sealed class StatedDifferenceClaimsTests
{
    [Theory]
    [InlineData("Officer numbers increased from 474 to 516 (42 additional).")]
    [InlineData("Officer numbers increased from 474 to 516 during the last quarter (42 additional officers).")]
    [InlineData("Headcount went from 474 to 516 (+42).")]
    [InlineData("Repeat victims went from 120 to 108 (−12).")]
    [InlineData("Repeat victims went from 120 to 108 (-12) this year.")]
    [InlineData("Repeat victims went from 120 to 108 (a reduction of 12).")]
    [InlineData("Repeat victims went from 120 to 108 (12 fewer).")]
    [InlineData("Vacancies moved from 1,200 to 1,150 (50).")]
    [InlineData("The Dog watch scheme has increased by 123 members to 3108, from 2985.")]
    [InlineData("Missed calls decreased by 40 to 1,960, from 2,000.")]
    [InlineData("The scheme grew from 300 to 320 (see annex 2).")]
    [InlineData("All crime rose from 3,996 to 4,500 (+12.6%).")]
    [InlineData("Burglary fell from 2,000 to 1,900 (−5.0 per cent).")]
    public void Check_ConsistentStatedDifference_NothingFlagged(string text)
    {
        var findings = FigureChecker.Check(text, "test");

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [InlineData("Officer numbers increased from 474 to 516 (52 additional).", "474 to 516 is an increase of 42, not an increase of 52")]
    [InlineData("Headcount went from 474 to 516 (+52).", "474 to 516 is an increase of 42, not +52")]
    [InlineData("Headcount went from 474 to 516 (−42).", "474 to 516 is an increase of 42, not −42")]
    [InlineData("Repeat victims went from 120 to 108 (a reduction of 15).", "120 to 108 is a change of 12, not 15")]
    [InlineData("Repeat victims went from 120 to 108 (12 more).", "120 to 108 is a decrease of 12, not an increase of 12")]
    [InlineData("The Dog watch scheme has increased by 123 members to 3108, from 2975.", "2,975 to 3,108 is an increase of 133, not an increase of 123")]
    [InlineData("Missed calls decreased by 40 to 1,960, from 1,900.", "1,900 to 1,960 is an increase of 60, not a decrease of 40")]
    public void Check_InconsistentStatedDifference_FlaggedWithExpectedValue(string text, string implied)
    {
        var findings = FigureChecker.Check(text, "test");

        var finding = Assert.Single(findings);
        Assert.Equal(implied, finding.Implied);
    }

    [Fact]
    public void Check_HostileText_FinishesQuickly()
    {
        var text = "from 1 to 2 (" + string.Concat(Enumerable.Repeat("from 1 to 2 ( 3 ", 20_000)) + ". increased by 1 " + new string('a', 100_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        FigureChecker.Check(text, "test");

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }
}
