using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Accounts;

/// <summary>
/// The one rule for a local account's password, after NCSC guidance: at least <see cref="MinimumLength"/> characters,
/// at most <see cref="MaximumLength"/>, not a common password (a deny-list of a few thousand, checked without case,
/// look-alike digits or the digits and symbols added at either end), not an obvious pattern (one character repeated,
/// a run such as 123456789012, abcdefghijkl or qwertyuiop), and not containing the user name or the service's name.
/// There are no composition rules: any characters, spaces included, are allowed.
/// </summary>
public static class PasswordRule
{
    /// <summary>Shortest password accepted, in characters.</summary>
    public const int MinimumLength = 12;

    /// <summary>Longest password accepted, in characters.</summary>
    public const int MaximumLength = 256;

    private static readonly string[] ServiceNames = ["scrutineer", "police"];

    private static readonly string[] KeyboardRows = ["qwertyuiopasdfghjklzxcvbnm", "1234567890", "qazwsxedcrfvtgbyhnujmikolp", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"];

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>Checks a new password for the account <paramref name="userName"/> (null when it has no name yet).</summary>
    /// <exception cref="DomainException">The password breaks the rule; the message says how, in GOV.UK words.</exception>
    public static void Check(string? password, string? userName)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw new DomainException("Enter a password");
        }

        if (password.Length < MinimumLength)
        {
            throw new DomainException($"Enter a password that is at least {MinimumLength} characters long");
        }

        if (password.Length > MaximumLength)
        {
            throw new DomainException($"Enter a password that is {MaximumLength} characters or fewer");
        }

        var lower = password.ToLowerInvariant();
        var name = (userName ?? "").Trim().ToLowerInvariant();
        var localPart = name.Split('@')[0];
        if (localPart.Length >= 3 && lower.Contains(localPart, StringComparison.Ordinal))
        {
            throw new DomainException("Enter a password that is harder to guess: it must not contain your user name");
        }

        if (ServiceNames.Any(s => lower.Contains(s, StringComparison.Ordinal)))
        {
            throw new DomainException("Enter a password that is harder to guess: it must not contain the name of this service or of the police");
        }

        var core = Core(lower);
        if (IsCommon(core))
        {
            throw new DomainException("Enter a password that is harder to guess: this one is on a list of common passwords. Three random words together make a strong password");
        }

        if (IsPattern(lower) || IsPattern(core))
        {
            throw new DomainException("Enter a password that is harder to guess: avoid repeated characters and runs such as 123456 or abcdef. Three random words together make a strong password");
        }
    }

    /// <summary>Whether <paramref name="password"/> meets the rule for <paramref name="userName"/>; the reason when not.</summary>
    public static bool IsAcceptable(string? password, string? userName, out string? problem)
    {
        try
        {
            Check(password, userName);
            problem = null;
            return true;
        }
        catch (DomainException ex)
        {
            problem = ex.Message;
            return false;
        }
    }

    /// <summary>The password without the digits and symbols at either end, with look-alike digits read as letters.</summary>
    private static string Core(string lower)
    {
        var start = 0;
        var end = lower.Length;
        while (start < end && !char.IsLetter(lower[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetter(lower[end - 1]))
        {
            end--;
        }

        return new string(lower[start..end].Select(c => c switch
        {
            '0' => 'o',
            '1' => 'i',
            '3' => 'e',
            '4' or '@' => 'a',
            '5' or '$' => 's',
            '7' => 't',
            _ => c,
        }).ToArray());
    }

    private static bool IsCommon(string core) =>
        core.Length > 0 && (Common.Value.Contains(core) || Common.Value.Contains(core.Replace(" ", "", StringComparison.Ordinal)) || IsRepeatOfCommon(core));

    /// <summary>"passwordpassword", "monkeymonkey": a common password said more than once.</summary>
    private static bool IsRepeatOfCommon(string core)
    {
        for (var unit = 4; unit <= core.Length / 2; unit++)
        {
            if (core.Length % unit == 0 && Common.Value.Contains(core[..unit]) && string.Concat(Enumerable.Repeat(core[..unit], core.Length / unit)) == core)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One unit repeated ("aaaa", "abab"), a run up or down ("1234", "9012", "abcd", "dcba") or a keyboard run.</summary>
    private static bool IsPattern(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        for (var unit = 1; unit <= text.Length / 2; unit++)
        {
            if (text.Length % unit == 0 && string.Concat(Enumerable.Repeat(text[..unit], text.Length / unit)) == text)
            {
                return true;
            }
        }

        if (text.Length >= 3 && (IsRun(text, 1) || IsRun(text, -1)))
        {
            return true;
        }

        return text.Length >= 4 && KeyboardRows.Any(row =>
        {
            var twice = row + row;
            var reversed = new string(twice.Reverse().ToArray());
            return twice.Contains(text, StringComparison.Ordinal) || reversed.Contains(text, StringComparison.Ordinal);
        });
    }

    private static bool IsRun(string text, int step)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var a = text[i - 1];
            var b = text[i];
            var next = char.IsAsciiDigit(a) ? (char)('0' + (((a - '0' + step) % 10) + 10) % 10) : (char)(a + step);
            if (b != next)
            {
                return false;
            }
        }

        return true;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRule).Assembly.GetManifestResourceStream("Accounts.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the domain assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}
