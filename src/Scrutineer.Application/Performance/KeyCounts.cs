using System.Collections;
using System.Runtime.CompilerServices;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Counts by a non-negative 64-bit key (a <see cref="PoliceUkTally"/> key), in one open-addressed table. It does the one
/// thing the tally needs of a dictionary, adding to a count, in code compiled fully optimised from its first call: a
/// general dictionary of these types starts in the runtime's quick, unoptimised code, which a short import spends most
/// of its parsing in (docs/benchmarks.md, "Data import").
/// </summary>
internal sealed class KeyCounts : IEnumerable<KeyValuePair<long, long>>
{
    private const long Empty = -1;

    // Seeded per process, so no file can be written to make its keys collide.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64();
    private long[] keys;
    private long[] counts;
    private int shift;

    public KeyCounts(int capacity = 1 << 12)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size <<= 1;
        }

        keys = new long[size];
        Array.Fill(keys, Empty);
        counts = new long[size];
        shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    /// <summary>The number of distinct keys.</summary>
    public int Count { get; private set; }

    /// <summary>Adds <paramref name="count"/> to <paramref name="key"/>'s count (0 when new).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long key, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(key);
        var mask = keys.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            var held = keys[slot];
            if (held == key)
            {
                counts[slot] += count;
                return;
            }

            if (held == Empty)
            {
                keys[slot] = key;
                counts[slot] = count;
                if (++Count * 2 > keys.Length)
                {
                    Grow();
                }

                return;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>The key's first slot: its bits, seeded and mixed, spread over the slot number (Fibonacci hashing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key)
    {
        unchecked
        {
            var h = ((ulong)key ^ Seed) * 0x9E3779B97F4A7C15UL;
            return (int)((h ^ (h >> 29)) * 0xBF58476D1CE4E5B9UL >> shift);
        }
    }

    public IEnumerator<KeyValuePair<long, long>> GetEnumerator()
    {
        for (var slot = 0; slot < keys.Length; slot++)
        {
            if (keys[slot] != Empty)
            {
                yield return new KeyValuePair<long, long>(keys[slot], counts[slot]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Grow()
    {
        var (oldKeys, oldCounts) = (keys, counts);
        keys = new long[oldKeys.Length * 2];
        Array.Fill(keys, Empty);
        counts = new long[keys.Length];
        shift--;
        Count = 0;
        for (var slot = 0; slot < oldKeys.Length; slot++)
        {
            if (oldKeys[slot] != Empty)
            {
                Add(oldKeys[slot], oldCounts[slot]);
            }
        }
    }
}
