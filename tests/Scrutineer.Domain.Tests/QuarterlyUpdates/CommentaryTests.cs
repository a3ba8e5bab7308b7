using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Domain.Tests.QuarterlyUpdates;

public sealed class CommentaryTests
{
    [Fact]
    public void Parse_HeadingParagraphsAndBullets()
    {
        var commentary = Commentary.Parse("SCD Update:\n\nFirst line\ncontinues here.\n\n- one\n• two\n\nClosing paragraph.");

        Assert.Equal(
            [CommentaryBlockKind.Heading, CommentaryBlockKind.Paragraph, CommentaryBlockKind.BulletList, CommentaryBlockKind.Paragraph],
            commentary.Blocks.Select(b => b.Kind));
        Assert.Equal("First line continues here.", commentary.Blocks[1].Text);
        Assert.Equal(["one", "two"], commentary.Blocks[2].Lines);
    }

    [Fact]
    public void ToString_ThenParse_GivesTheSameBlocks()
    {
        var original = Commentary.Parse("Intro:\r\n- a\r\n- b\r\nAfter the list.");

        var again = Commentary.Parse(original.ToString());

        Assert.Equal(original, again);
        Assert.Equal("Intro:\n\n- a\n- b\n\nAfter the list.", original.ToString());
    }

    [Fact]
    public void Parse_Blank_IsEmpty()
    {
        Assert.True(Commentary.Parse("  \n\n ").IsEmpty);
        Assert.Equal(0, Commentary.Parse(null).WordCount);
    }
}
