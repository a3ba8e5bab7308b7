using System.Security.Cryptography;
using Scrutineer.Domain.Common;

namespace Scrutineer.Web.Security;

/// <summary>
/// The 256-bit key that encrypts the data-protection keys kept in the store (AES-GCM): read from the file named by
/// <c>DataProtection:KeyFile</c> (environment <c>DataProtection__KeyFile</c>; the file holds the key in base64, as
/// <c>openssl rand -base64 32</c> writes it). Every instance must read the same key. Without the setting a key file is
/// made once, readable by its owner only, in the user's data folder: enough for one host, not for several.
/// </summary>
public sealed class KeyRingSecret
{
    /// <summary>The setting that names the key file.</summary>
    public const string Setting = "DataProtection:KeyFile";

    private KeyRingSecret(byte[] key, string file)
    {
        Key = key;
        File = file;
    }

    /// <summary>The key (32 bytes).</summary>
    internal byte[] Key { get; }

    /// <summary>Where it was read from.</summary>
    public string File { get; }

    /// <summary>The default key file: ~/.local/share/scrutineer/key-ring.key.</summary>
    public static string DefaultFile => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "scrutineer", "key-ring.key");

    /// <summary>Reads the key named by settings, or makes the default one.</summary>
    /// <exception cref="DomainException">The named file is missing or does not hold a 256-bit key in base64.</exception>
    public static KeyRingSecret Load(IConfiguration configuration)
    {
        if (configuration[Setting] is { Length: > 0 } named)
        {
            return Read(named, $"the {Setting} setting");
        }

        var file = DefaultFile;
        if (!System.IO.File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            try
            {
                using var writer = new StreamWriter(file, options);
                writer.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (System.IO.File.Exists(file))
            {
                // Another instance made it first: use theirs.
            }
        }

        return Read(file, "the default key file");
    }

    private static KeyRingSecret Read(string file, string source)
    {
        if (!System.IO.File.Exists(file))
        {
            throw new DomainException($"The key-ring key file {file} (from {source}) does not exist. Create it with 'openssl rand -base64 32 > {file}' and 'chmod 600 {file}', and give every instance the same file.");
        }

        byte[]? key = null;
        try
        {
            key = Convert.FromBase64String(System.IO.File.ReadAllText(file).Trim());
        }
        catch (FormatException)
        {
        }

        return key is { Length: 32 }
            ? new KeyRingSecret(key, file)
            : throw new DomainException($"The key-ring key file {file} (from {source}) must hold a 256-bit key in base64 (44 characters, as 'openssl rand -base64 32' writes it).");
    }
}
