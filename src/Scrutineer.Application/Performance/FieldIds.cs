using System.Runtime.CompilerServices;
namespace Scrutineer.Application.Performance;

/// <summary>
/// The id a column's values were given, looked up by the value's bytes as they stand in the file: a row costs one hash
/// of a few bytes per column, never a decoded string. The last value found is remembered first (consecutive rows often
/// repeat the force, the type or the place).
/// </summary>
internal sealed class FieldIds
{
    private readonly Dictionary<byte[], int> ids = new(BytesComparer.Instance);
    private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> lookup;
    private byte[] last = [];
    private int lastId = -1;

    public FieldIds() => lookup = ids.GetAlternateLookup<ReadOnlySpan<byte>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<byte> value, out int id)
    {
        if (lastId >= 0 && value.SequenceEqual(last))
        {
            id = lastId;
            return true;
        }

        if (lookup.TryGetValue(value, out var key, out id))
        {
            last = key;
            lastId = id;
            return true;
        }

        return false;
    }

    public void Add(ReadOnlySpan<byte> value, int id)
    {
        var key = value.ToArray();
        ids[key] = id;
        last = key;
        lastId = id;
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly BytesComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Hash(obj);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
    }
}
