using System.Globalization;
using System.Security.Cryptography;

namespace Scrutineer.Domain.Imports;

/// <summary>A file an import read: its name (without the folder), its size in bytes and its SHA-256 in lower-case hex.</summary>
public sealed record ImportedFile(string Name, long Bytes, string Sha256)
{
    /// <summary>Names, sizes and hashes of <paramref name="paths"/>, in order.</summary>
    public static async Task<IReadOnlyList<ImportedFile>> DescribeAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var files = new List<ImportedFile>();
        foreach (var path in paths)
        {
            await using var stream = File.OpenRead(path);
            var hash = await SHA256.HashDataAsync(stream, cancellationToken);
            files.Add(new ImportedFile(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(hash)));
        }

        return files;
    }

    /// <summary>The name, size and hash of a file read from memory (an upload, a file shipped with the application).</summary>
    public static ImportedFile Of(string name, ReadOnlySpan<byte> content) =>
        new(name, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));

    /// <summary>"2024-04-essex-street.csv (412 bytes, SHA-256 9f86d0…)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} ({Bytes} bytes, SHA-256 {Sha256})");
}
