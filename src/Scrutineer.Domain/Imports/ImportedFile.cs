using System.Globalization;
using System.Security.Cryptography;

namespace Scrutineer.Domain.Imports;

/// <summary>A file an import read: its name (without the folder), its size in bytes and its SHA-256 in lower-case hex.</summary>
public sealed record ImportedFile(string Name, long Bytes, string Sha256)
{
    /// <summary>
    /// Names, sizes and hashes of <paramref name="paths"/>, in order. Each file is read in 1 MB blocks on the calling
    /// thread, synchronously: an asynchronous read of the hash's usual 4 KB blocks costs a call into the system and a hand-over
    /// between threads per block, which on a large file took more processor time than the hash itself.
    /// </summary>
    public static IReadOnlyList<ImportedFile> Describe(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var files = new List<ImportedFile>();
        var block = new byte[1 << 20];
        foreach (var path in paths)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            int read;
            while ((read = stream.Read(block)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(block, 0, read);
            }

            files.Add(new ImportedFile(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(hash.GetHashAndReset())));
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
