using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Tests.Common;

public sealed class FiguresTests
{
    [Theory]
    [InlineData(2.25, "+2.3%")]
    [InlineData(-2.25, "\u22122.3%")]
    [InlineData(-2.2, "\u22122.2%")]
    [InlineData(26.9, "+26.9%")]
    [InlineData(0.04, "0.0%")]
    [InlineData(-0.04, "0.0%")]
    [InlineData(1234.56, "+1,234.6%")]
    public void SignedPercent_RoundsHalfAwayFromZero_WithRealMinus(double value, string expected) =>
        Assert.Equal(expected, Figures.SignedPercent((decimal)value));

    [Fact]
    public void SignedPercent_NoBase_SaysNotApplicable() => Assert.Equal("n/a", Figures.SignedPercent(null));

    [Theory]
    [InlineData(28373, "28,373")]
    [InlineData(-647, "\u2212647")]
    [InlineData(0, "0")]
    public void Count_ThousandsSeparators(long value, string expected) => Assert.Equal(expected, Figures.Count(value));

    [Theory]
    [InlineData(886, "+886")]
    [InlineData(-1537, "\u22121,537")]
    [InlineData(0, "0")]
    public void Difference_Signed(long value, string expected) => Assert.Equal(expected, Figures.Difference(value));

    [Theory]
    [InlineData(3291, 4177, "26.9")]
    [InlineData(2, 3, "50.0")]
    [InlineData(400, 391, "-2.3")]
    public void PlainPercent_OneDecimalAsciiMinus(long previous, long latest, string expected) =>
        Assert.Equal(expected, Figures.PlainPercent(Figures.PercentChange(previous, latest)));

    [Fact]
    public void PercentChange_FromZero_IsNull() => Assert.Null(Figures.PercentChange(0, 5));

    [Fact]
    public void Percent_Share_Unsigned() => Assert.Equal("62.2%", Figures.Percent(62.25m - 0.1m));
}
