using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Tests.Periods;

public sealed class FinancialYearTests
{
    [Theory]
    [InlineData("2023/24", 2023)]
    [InlineData("2023-24", 2023)]
    [InlineData("2023/2024", 2023)]
    [InlineData("1999/00", 1999)]
    public void Parse_AcceptedForms(string text, int start)
    {
        Assert.Equal(new FinancialYear(start), FinancialYear.Parse(text));
    }

    [Theory]
    [InlineData("2023/25")]
    [InlineData("2023")]
    [InlineData("23/24")]
    public void Parse_Invalid_Refused(string text)
    {
        Assert.False(FinancialYear.TryParse(text, out _, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bounds_RunAprilToMarch()
    {
        var year = new FinancialYear(2023);

        Assert.Equal(new DateOnly(2023, 4, 1), year.FirstDay);
        Assert.Equal(new DateOnly(2024, 3, 31), year.LastDay);
        Assert.Equal("2023/24", year.ToString());
        Assert.Equal(year, FinancialYear.Of(new DateOnly(2024, 3, 31)));
        Assert.Equal(year.Next, FinancialYear.Of(new DateOnly(2024, 4, 1)));
    }
}
