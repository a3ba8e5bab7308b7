using Scrutineer.Cli.Output;

namespace Scrutineer.Cli.Tests;

public sealed class ListingTests
{
    [Theory]
    [InlineData("Last sign-in", "last_sign_in")]
    [InlineData("% change", "percent_change")]
    [InlineData("Per 1,000", "per_1000")]
    [InlineData("Head's email", "heads_email")]
    [InlineData("Weight (days)", "weight_days")]
    [InlineData("Previous 12m count", "previous_12m_count")]
    [InlineData("overdue_updates", "overdue_updates")]
    public void Csv_and_json_name_columns_in_lower_case_with_underscores(string column, string expected) =>
        Assert.Equal(expected, Listing.DataName(column));

    [Fact]
    public void Csv_and_json_carry_the_data_names_and_the_table_keeps_the_headings()
    {
        var listing = new Listing("Id", "Last error").Add(1, "refused");
        using var table = new StringWriter();
        using var csv = new StringWriter();
        using var json = new StringWriter();

        listing.Write(table, OutputFormat.Table);
        listing.Write(csv, OutputFormat.Csv);
        listing.Write(json, OutputFormat.Json);

        Assert.StartsWith("Id  Last error", table.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("id,last_error", csv.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"last_error\": \"refused\"", json.ToString(), StringComparison.Ordinal);
    }
}
