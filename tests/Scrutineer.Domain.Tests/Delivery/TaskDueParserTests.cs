using Scrutineer.Domain.Delivery;

namespace Scrutineer.Domain.Tests.Delivery;

public sealed class TaskDueParserTests
{
    [Theory]
    [InlineData("Sep-18", DueKind.Month, "2018-09-30", null, null)]
    [InlineData("Mar-19", DueKind.Month, "2019-03-31", null, null)]
    [InlineData("End July 2018", DueKind.Month, "2018-07-31", null, null)]
    [InlineData("1st review 15/6/18", DueKind.Review, "2018-06-15", null, null)]
    [InlineData("15/7/18", DueKind.Date, "2018-07-15", null, null)]
    [InlineData("23.02.18", DueKind.Date, "2018-02-23", null, null)]
    [InlineData("20.03.2018", DueKind.Date, "2018-03-20", null, null)]
    [InlineData("2019-03-31", DueKind.Date, "2019-03-31", null, null)]
    [InlineData("w/c 30th April 2018", DueKind.Date, "2018-04-30", null, null)]
    [InlineData("Spring 2019", DueKind.Season, "2019-05-31", null, null)]
    [InlineData("Autumn 2018", DueKind.Season, "2018-11-30", null, null)]
    [InlineData("Summer 18", DueKind.Season, "2018-08-31", null, null)]
    [InlineData("Ongoing until Sept 2018", DueKind.Until, "2018-09-30", DeliveryTaskStatus.Ongoing, null)]
    [InlineData("Quarterly", DueKind.Frequency, null, DeliveryTaskStatus.Ongoing, null)]
    [InlineData("Monthly", DueKind.Frequency, null, DeliveryTaskStatus.Ongoing, null)]
    [InlineData("Effective immediate", DueKind.Milestone, null, DeliveryTaskStatus.Ongoing, null)]
    [InlineData("COMPLETED", DueKind.Milestone, null, DeliveryTaskStatus.Complete, null)]
    [InlineData("On-going", DueKind.Milestone, null, DeliveryTaskStatus.Ongoing, null)]
    [InlineData("Ongoing - plan available", DueKind.Milestone, null, DeliveryTaskStatus.Ongoing, null)]
    [InlineData("Referral process under review", DueKind.Milestone, null, DeliveryTaskStatus.Ongoing, null)]
    [InlineData("In development under SCD review", DueKind.Milestone, null, DeliveryTaskStatus.Ongoing, null)]
    [InlineData("This is a duplicate of task no.11. I haven't deleted it in case it's needed.", DueKind.Milestone, null, null, 11)]
    [InlineData("Once funding is agreed", DueKind.Milestone, null, null, null)]
    [InlineData("", DueKind.Blank, null, null, null)]
    public void Parse_WhenAsWritten_ReadsKindDateStatusAndDuplicate(string text, DueKind kind, string? date, DeliveryTaskStatus? status, int? duplicateOf)
    {
        var reading = TaskDueParser.Parse(text);

        Assert.Equal(kind, reading.Due.Kind);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), reading.Due.Date);
        Assert.Equal(status, reading.ImpliedStatus);
        Assert.Equal(duplicateOf, reading.DuplicateOf);
        Assert.Equal(text.Trim(), reading.Due.AsWritten);
    }

    [Fact]
    public void Parse_ImpossibleDay_KeptAsWrittenWithNote()
    {
        var reading = TaskDueParser.Parse("31/2/18");

        Assert.Equal((DueKind.Milestone, (DateOnly?)null), (reading.Due.Kind, reading.Due.Date));
        Assert.Contains("kept as written", reading.Note, StringComparison.Ordinal);
    }
}
