using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Domain.Tests.QuarterlyUpdates;

public sealed class MarkedCommentaryTests
{
    [Fact]
    public void Split_MarkedParagraph_MovesWithoutItsMarking()
    {
        var (official, sensitive) = MarkedCommentary.Split(Commentary.Parse("SCD Update:\n\nTen lines closed.\n\nOFFICIAL-SENSITIVE: two more after covert work."));

        Assert.Equal("SCD Update:\n\nTen lines closed.", official.ToString());
        Assert.Equal("two more after covert work.", sensitive.ToString());
    }

    [Fact]
    public void Split_MarkedHeading_MovesEveryBlockUnderIt()
    {
        var (official, sensitive) = MarkedCommentary.Split(Commentary.Parse(
            "Open text.\n\nOfficial Sensitive - operations:\n\n- Operation A\n- Operation B\n\nNext steps:\n\nMore open text."));

        Assert.Equal("Open text.\n\nNext steps:\n\nMore open text.", official.ToString());
        Assert.Equal("operations:\n\n- Operation A\n- Operation B", sensitive.ToString());
    }

    [Fact]
    public void Split_MarkingMidParagraph_MovesTheParagraph()
    {
        var (official, sensitive) = MarkedCommentary.Split(Commentary.Parse("Open.\n\nThe suspect [official sensitive] was named."));

        Assert.Equal("Open.", official.ToString());
        Assert.Equal("The suspect was named.", sensitive.ToString());
    }

    [Fact]
    public void Split_NothingMarked_MovesNothing()
    {
        var (official, sensitive) = MarkedCommentary.Split(Commentary.Parse("Open.\n\n- a\n- b"));

        Assert.Equal("Open.\n\n- a\n- b", official.ToString());
        Assert.True(sensitive.IsEmpty);
    }
}
