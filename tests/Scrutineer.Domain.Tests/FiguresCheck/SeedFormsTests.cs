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

    [Fact]
    public void Check_WholeSetAsOneText_EachInconsistentFormFlaggedAndNoConsistentOne()
    {
        var text = string.Join("\n\n\n", FiguresCheckForms.All.SelectMany(f => new[] { f.Consistent, f.Inconsistent }));

        var findings = FigureChecker.Check(text, "set");

        Assert.Equal(FiguresCheckForms.All.Select(f => f.Implied), findings.Select(f => f.Implied));
    }
}
