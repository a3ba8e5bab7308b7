using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Scrutineer.Domain.Accounts;

/// <summary>
/// RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA1, 30-second steps counted from the
/// Unix epoch, 6 digits. A code is accepted one step either side of now (a clock up to 30 seconds out), and only for a
/// step later than the last one used, so a code cannot be used twice.
/// </summary>
public static class TimeBasedOneTimePassword
{
    /// <summary>Length of a step, in seconds.</summary>
    public const int StepSeconds = 30;

    /// <summary>Digits in a code.</summary>
    public const int Digits = 6;

    /// <summary>Bytes in a new secret (160 bits, as RFC 4226 recommends).</summary>
    public const int SecretBytes = 20;

    /// <summary>The step that holds <paramref name="at"/>: whole 30-second periods since 1 January 1970 UTC.</summary>
    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code for <paramref name="step"/>, <paramref name="digits"/> long with leading zeros (RFC 4226 section 5.3).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="digits"/> is not 6 to 8.</exception>
    public static string Code(byte[] secret, long step, int digits = Digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 8);
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
#pragma warning disable CA5350 // RFC 6238 as authenticator apps implement it is HMAC-SHA1; HMAC-SHA1 is not weakened by SHA-1 collisions.
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>
    /// The step <paramref name="code"/> belongs to, when it is right for <paramref name="now"/> or one step either side
    /// and later than <paramref name="lastUsedStep"/>; null otherwise. Spaces in the code are ignored.
    /// </summary>
    public static long? Verify(byte[] secret, string? code, DateTimeOffset now, long lastUsedStep)
    {
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length != Digits || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var current = Step(now);
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (step > lastUsedStep && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(digits)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>A new random secret of <see cref="SecretBytes"/> bytes.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    /// <summary>
    /// The otpauth URI an authenticator app reads (from a QR code or typed in): issuer and account name, the secret in
    /// base32, SHA1, 6 digits, 30 seconds.
    /// </summary>
    public static string Uri(string issuer, string accountName, byte[] secret) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(accountName)}"
        + $"?secret={Base32.Encode(secret)}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";
}
