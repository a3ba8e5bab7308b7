using System.Text;
using Scrutineer.Application.Performance;

namespace Scrutineer.Application.Tests.Performance;

/// <summary>The import's own tables (<see cref="KeyCounts"/>, <see cref="FieldIds"/>) give what a dictionary would, however many keys.</summary>
public sealed class TallyTablesTests
{
    [Fact]
    public void KeyCounts_ManyKeysAddedTwice_EachSummedAsADictionaryWould()
    {
        var counts = new KeyCounts(4);
        var expected = new Dictionary<long, long>();
        var random = new Random(7);
        for (var i = 0; i < 50_000; i++)
        {
            // Keys shaped as the tally's (month, force, LSOA, category in bit fields), many sharing their low bits.
            var key = PoliceUkTally.Key(1900 * 12 + random.Next(2000), random.Next(40), random.Next(5_000), random.Next(20));
            var count = random.Next(1, 5);
            counts.Add(key, count);
            expected[key] = expected.GetValueOrDefault(key) + count;
        }

        Assert.Equal(expected.Count, counts.Count);
        Assert.Equal(expected.OrderBy(e => e.Key), counts.OrderBy(e => e.Key));
    }

    [Fact]
    public void KeyCounts_NegativeKey_Refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KeyCounts().Add(-1, 1));

        Assert.Contains("key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FieldIds_ManyValues_EachFoundByItsBytesAndOthersNot()
    {
        var ids = new FieldIds();
        var values = Enumerable.Range(0, 20_000).Select(i => Encoding.UTF8.GetBytes($"E0100{i:0000}")).ToList();
        for (var i = 0; i < values.Count; i++)
        {
            Assert.False(ids.TryGet(values[i], out _));
            ids.Add(values[i], i);
        }

        for (var i = values.Count - 1; i >= 0; i--)
        {
            Assert.True(ids.TryGet(values[i], out var id));
            Assert.Equal(i, id);
        }

        Assert.False(ids.TryGet("E0100000"u8, out _));
        Assert.False(ids.TryGet(""u8, out _));
        Assert.True(ids.TryGet("E01000007"u8, out var seventh));
        Assert.Equal(7, seventh);
    }
}
