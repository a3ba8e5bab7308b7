using System.Diagnostics;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Backup;

/// <summary>
/// Optional encryption of backup files with GnuPG (Debian's <c>gpg</c>): symmetric AES-256 with the passphrase held
/// in a key file (<c>--key-file</c>, or the <c>SCRUTINEER_BACKUP_KEY_FILE</c> environment variable). An administrator
/// can decrypt a file without Scrutineer: <c>gpg --batch --pinentry-mode loopback --passphrase-file KEY -d FILE</c>.
/// GnuPG's integrity check means a damaged or altered file is refused, not restored.
/// </summary>
public static class BackupEncryption
{
    /// <summary>Names the passphrase file when <c>--key-file</c> is not given.</summary>
    public const string KeyFileEnvironmentVariable = "SCRUTINEER_BACKUP_KEY_FILE";

    /// <summary>The key file to use: the one given, else the environment's, else none (no encryption).</summary>
    public static string? KeyFile(string? given) =>
        given is { Length: > 0 } ? Path.GetFullPath(given)
        : Environment.GetEnvironmentVariable(KeyFileEnvironmentVariable) is { Length: > 0 } named ? Path.GetFullPath(named)
        : null;

    /// <summary>Whether <paramref name="head"/> (a file's first bytes) starts an OpenPGP message.</summary>
    public static bool LooksEncrypted(ReadOnlySpan<byte> head) =>
        head.Length > 0 && head[0] is 0x8C or 0x8D or 0xC3; // a symmetric-key packet, old or new format

    /// <summary>Encrypts <paramref name="plainFile"/> into <paramref name="sealedFile"/>.</summary>
    public static Task EncryptAsync(string plainFile, string sealedFile, string keyFile, CancellationToken cancellationToken) =>
        RunGpgAsync(keyFile, ["--symmetric", "--cipher-algo", "AES256", "--output", sealedFile, plainFile], "encrypt the backup", cancellationToken);

    /// <summary>Decrypts <paramref name="sealedFile"/> into <paramref name="plainFile"/> (readable by its owner only).</summary>
    /// <exception cref="DomainException">No key file, the wrong key, or a damaged file.</exception>
    public static async Task DecryptAsync(string sealedFile, string plainFile, string? keyFile, CancellationToken cancellationToken)
    {
        if (keyFile is null)
        {
            throw new DomainException($"{sealedFile} is encrypted. Give the key file it was encrypted with: --key-file FILE (or set {KeyFileEnvironmentVariable}).");
        }

        OwnerOnly.Create(plainFile);
        await RunGpgAsync(keyFile, ["--decrypt", "--output", plainFile, sealedFile], $"decrypt {sealedFile} (is the key file the one it was encrypted with?)", cancellationToken);
    }

    private static async Task RunGpgAsync(string keyFile, IEnumerable<string> arguments, string what, CancellationToken cancellationToken)
    {
        if (!File.Exists(keyFile))
        {
            throw new DomainException($"The backup key file {keyFile} does not exist. Create one with 'openssl rand -base64 32 > {keyFile}' and 'chmod 600 {keyFile}', and keep a copy apart from the backups.");
        }

        var home = Directory.CreateTempSubdirectory("scrutineer-gpg-");
        try
        {
            var start = new ProcessStartInfo("gpg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "--homedir", home.FullName, "--batch", "--yes", "--quiet", "--pinentry-mode", "loopback", "--passphrase-file", keyFile }.Concat(arguments))
            {
                start.ArgumentList.Add(argument);
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new DomainException("Encrypted backups need GnuPG, which is not installed: apt-get install gnupg (Debian).");
            }

            using (process)
            {
                var error = process.StandardError.ReadToEndAsync(cancellationToken);
                _ = await process.StandardOutput.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                if (process.ExitCode != 0)
                {
                    throw new DomainException($"gpg could not {what}: {(await error).Trim()}");
                }
            }
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
