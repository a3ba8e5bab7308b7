using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;

namespace Scrutineer.Domain.Tests.Documents;

public sealed class MarkingInTextTests
{
    [Theory]
    [InlineData("OFFICIAL-SENSITIVE: two lines were closed.", "OFFICIAL-SENSITIVE")]
    [InlineData("Official Sensitive - names withheld.", "Official Sensitive")]
    [InlineData("[OFFICIAL-SENSITIVE] names withheld.", "OFFICIAL-SENSITIVE")]
    [InlineData("Work continues (official sensitive) with partners.", "official sensitive")]
    [InlineData("OFFICIAL–SENSITIVE (en dash)", "OFFICIAL–SENSITIVE")]
    [InlineData("OFFICIAL—SENSITIVE (em dash)", "OFFICIAL—SENSITIVE")]
    [InlineData("OFFICIALSENSITIVE", "OFFICIALSENSITIVE")]
    [InlineData("official_sensitive", "official_sensitive")]
    [InlineData("OFFICIAL  -  SENSITIVE", "OFFICIAL  -  SENSITIVE")]
    [InlineData("OFFICIAL: SENSITIVE", "OFFICIAL: SENSITIVE")]
    [InlineData("Official\nSensitive", "Official\nSensitive")]
    public void Find_AnySpelling_FindsTheMarking(string text, string marking)
    {
        var found = MarkingInText.Find(text);

        Assert.NotNull(found);
        Assert.Equal(marking, found.Text);
    }

    [Theory]
    [InlineData("An official visit to a sensitive site.")]
    [InlineData("Officials were sensitive to the concerns raised.")]
    [InlineData("OFFICIAL")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_OrdinaryText_FindsNothing(string? text) => Assert.Null(MarkingInText.Find(text));

    [Fact]
    public void RefuseIn_MarkingOnTheThirdLine_SaysWhereAndWhatToDo()
    {
        var ex = Assert.Throws<DomainException>(() => MarkingInText.RefuseIn("First.\n\nOfficial Sensitive - named suspect.", "The OFFICIAL commentary"));

        Assert.Equal(
            "The OFFICIAL commentary contains the marking \"Official Sensitive\" on line 3. OFFICIAL text cannot carry a marking: "
                + "move that text into the OFFICIAL-SENSITIVE part and delete the marking.",
            ex.Message);
    }

    [Theory]
    [InlineData("OFFICIAL-SENSITIVE: two lines were closed.", "two lines were closed.")]
    [InlineData("[OFFICIAL-SENSITIVE] names withheld.", "names withheld.")]
    [InlineData("Official Sensitive - names withheld.", "names withheld.")]
    public void Remove_TakesOutTheMarkingAndItsFrame(string text, string expected) => Assert.Equal(expected, MarkingInText.Remove(text));
}
