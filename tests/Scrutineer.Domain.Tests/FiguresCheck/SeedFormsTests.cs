using Scrutineer.Domain.FiguresCheck;
using Scrutineer.Testing;

namespace Scrutineer.Domain.Tests.FiguresCheck;

/// <summary>
/// Every form of figure the checker reads, written in the seed reports' manner (<see cref="FiguresCheckForms"/>): the
/// inconsistent text is flagged once, with the value its figures imply; the consistent text is not flagged at all.
/// </summary>
public sealed class SeedFormsTests
{
    public static TheoryData<string> Forms() => new(FiguresCheckForms.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Forms))]
    public void Check_ConsistentForm_NothingFlagged(string name)
    {
        var form = FiguresCheckForms.All.Single(f => f.Name == name);

        var findings = FigureChecker.Check(form.Consistent, "draft");

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Check_InconsistentForm_FlaggedOnceWithTheValueExpected(string name)
    {
        var form = FiguresCheckForms.All.Single(f => f.Name == name);

        var findings = FigureChecker.Check(form.Inconsistent, "draft");

        var finding = Assert.Single(findings);
        Assert.Equal(form.Claim, finding.Claim);
        Assert.Equal(form.Implied, finding.Implied);
    }

    [Theory]
    [InlineData("Since 2016/17 the force has received more than £3.2m. £1.2m was invested in equipment, £1.5m in training and £0.9m in patrols.")]
    [InlineData("In 2022/23 £4.0m was spent. Projects included £2.5m for CCTV, £1.0m for lighting and £0.8m for patrols.")]
    [InlineData("Over the year £2.0m was allocated. £0.9m went to patrols, £0.6m to training and £0.4m to victim support.")]
    [InlineData("Of the tasks, 40% are complete and 35% ongoing.")]
    [InlineData("Burglary fell 20% (40 offences) and robbery rose 10% (11 offences) against last year.")]
    [InlineData("Violence with injury was 3,600, which is 29% of all crime.")]
    public void Check_NotCertain_LeftAlone(string text)
    {
        var findings = FigureChecker.Check(text, "draft");

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void Check_WholeSetAsOneText_EachInconsistentFormFlaggedAndNoConsistentOne()
    {
        var text = string.Join("\n\n\n", FiguresCheckForms.All.SelectMany(f => new[] { f.Consistent, f.Inconsistent }));

        var findings = FigureChecker.Check(text, "set");

        Assert.Equal(FiguresCheckForms.All.Select(f => f.Implied), findings.Select(f => f.Implied));
    }
}
