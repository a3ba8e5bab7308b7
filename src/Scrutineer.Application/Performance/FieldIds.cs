using System.Runtime.CompilerServices;
namespace Scrutineer.Application.Performance;

/// <summary>
/// The id a column's values were given, looked up by the value's bytes as they stand in the file: a row costs one hash
/// of a few bytes per column, never a decoded string. The last value found is remembered first (consecutive rows often
/// repeat the force, the type or the place). The table is open-addressed and its lookup compiled fully optimised from
/// its first call (as <see cref="KeyCounts"/>); the hash is the runtime's, seeded per process, so no file can be
/// written to make its values collide.
/// </summary>
internal sealed class FieldIds
{
    private byte[][] values = new byte[16][];
    private int[] ids = new int[16];
    private int[] hashes = new int[16];
    private int count;
    private byte[] last = [];
    private int lastId = -1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<byte> value, out int id)
    {
        if (lastId >= 0 && value.SequenceEqual(last))
        {
            id = lastId;
            return true;
        }

        var hash = Hash(value);
        var mask = values.Length - 1;
        for (var slot = hash & mask; values[slot] is { } held; slot = (slot + 1) & mask)
        {
            if (hashes[slot] == hash && value.SequenceEqual(held))
            {
                last = held;
                lastId = id = ids[slot];
                return true;
            }
        }

        id = -1;
        return false;
    }

    public void Add(ReadOnlySpan<byte> value, int id)
    {
        if ((count + 1) * 2 > values.Length)
        {
            Grow();
        }

        var key = value.ToArray();
        Place(key, Hash(key), id);
        count++;
        last = key;
        lastId = id;
    }

    private void Place(byte[] value, int hash, int id)
    {
        var mask = values.Length - 1;
        var slot = hash & mask;
        while (values[slot] is not null)
        {
            slot = (slot + 1) & mask;
        }

        values[slot] = value;
        hashes[slot] = hash;
        ids[slot] = id;
    }

    private void Grow()
    {
        var (oldValues, oldHashes, oldIds) = (values, hashes, ids);
        values = new byte[oldValues.Length * 2][];
        hashes = new int[values.Length];
        ids = new int[values.Length];
        for (var slot = 0; slot < oldValues.Length; slot++)
        {
            if (oldValues[slot] is { } value)
            {
                Place(value, oldHashes[slot], oldIds[slot]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode() & int.MaxValue;
    }
}
