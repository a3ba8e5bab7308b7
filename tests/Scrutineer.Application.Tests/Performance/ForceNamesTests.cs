using Scrutineer.Application.Performance;

namespace Scrutineer.Application.Tests.Performance;

public sealed class ForceNamesTests
{
    private static readonly ForceNames Store = new(["Essex Police", "Metropolitan Police Service", "Hertfordshire Constabulary", "City of London Police",
        "Avon and Somerset Constabulary", "Kent Police", "Kent Constabulary", "Dyfed-Powys Police"]);

    [Theory]
    [InlineData("Essex Police", "Essex Police")]
    [InlineData("essex", "Essex Police")]
    [InlineData("Metropolitan Police", "Metropolitan Police Service")]
    [InlineData("Hertfordshire", "Hertfordshire Constabulary")]
    [InlineData("City of London", "City of London Police")]
    [InlineData("Avon & Somerset", "Avon and Somerset Constabulary")]
    [InlineData("  Dyfed-Powys  ", "Dyfed-Powys Police")]
    public void Match_ExactOrWithSuffix_FindsTheForce(string name, string force) =>
        Assert.Equal(force, Store.Match(name).Force);

    [Fact]
    public void Match_TwoForcesWithSuffixes_AmbiguousNamingBoth()
    {
        var match = Store.Match("Kent");

        Assert.Null(match.Force);
        Assert.True(match.Ambiguous);
        Assert.Equal("'Kent' could be Kent Constabulary or Kent Police: name the force in full.", match.Problem);
    }

    [Fact]
    public void Match_UnknownForce_UnmatchedSayingWhy()
    {
        var match = Store.Match("Norfolk");

        Assert.Null(match.Force);
        Assert.False(match.Ambiguous);
        Assert.StartsWith("'Norfolk' is not a force the store holds", match.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_PartOfAName_NotGuessed() => Assert.Null(Store.Match("Essex Pol").Force);
}
