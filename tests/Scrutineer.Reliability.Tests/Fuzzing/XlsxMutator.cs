using System.IO.Compression;
using System.Text;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>
/// Damages a valid .xlsx: at the byte level (cut short, bits flipped), at the archive level (a part missing, a part
/// damaged, a zip bomb: a sheet that inflates to hundreds of megabytes), and inside the sheet XML (every
/// <see cref="TextMutator"/> damage applied to the worksheet or shared strings, formula cells, huge cells, extra cells).
/// Deterministic: case N of a given seed is always the same input.
/// </summary>
public sealed class XlsxMutator(byte[] valid)
{
    private enum Kind
    {
        Truncate,
        ByteFlips,
        MissingPart,
        DamagedPartBytes,
        ZipBomb,
        FormulaCell,
        HugeCell,
        ExtraCells,
        SheetXml,
        SharedStringsXml,
        NotAZip,
    }

    public IEnumerable<MutatedInput> Cases(int count, int seed = 20261121)
    {
        var kinds = Enum.GetValues<Kind>();
        for (var i = 0; i < count; i++)
        {
            var random = new Random(seed + i);
            var kind = kinds[i % kinds.Length];
            var (description, bytes) = Mutate(kind, random, i);
            yield return new MutatedInput(i, $"{kind}: {description}", bytes);
        }
    }

    private (string, byte[]) Mutate(Kind kind, Random random, int index)
    {
        var parts = ReadParts(valid);
        var sheet = parts.Keys.First(k => k.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        switch (kind)
        {
            case Kind.Truncate:
                var at = random.Next(0, valid.Length);
                return ($"cut at byte {at}", valid[..at]);
            case Kind.ByteFlips:
                var flipped = (byte[])valid.Clone();
                var flips = random.Next(1, 20);
                for (var n = 0; n < flips; n++)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return ($"{flips} bits flipped", flipped);
            case Kind.MissingPart:
                var missing = parts.Keys.ElementAt(random.Next(parts.Count));
                parts.Remove(missing);
                return ($"part {missing} removed", Zip(parts));
            case Kind.DamagedPartBytes:
                var damaged = parts.Keys.ElementAt(random.Next(parts.Count));
                var content = parts[damaged];
                parts[damaged] = content.Length == 0 ? [0xFF] : content[..random.Next(content.Length)];
                return ($"part {damaged} cut short", Zip(parts));
            case Kind.ZipBomb:
                // Only a few real bombs (each takes a moment to build); the rest are smaller inflation ratios.
                var megabytes = index % 110 == 4 ? 400 : random.Next(5, 40);
                return ($"sheet inflating to {megabytes} MB", Zip(parts, bomb: (sheet, megabytes)));
            case Kind.FormulaCell:
                var xml = Encoding.UTF8.GetString(parts[sheet]);
                var formula = new[] { "HYPERLINK(\"http://evil.example/\",\"Click\")", "cmd|' /C calc'!A0", "WEBSERVICE(\"http://evil.example/\")" }[random.Next(3)];
                var cell = $"<c r=\"B3\"><f>{formula.Replace("\"", "&quot;", StringComparison.Ordinal)}</f><v>1</v></c>";
                var inline = $"<c r=\"C3\" t=\"inlineStr\"><is><t>={System.Security.SecurityElement.Escape(formula)}</t></is></c>";
                parts[sheet] = Encoding.UTF8.GetBytes(ReplaceFirstCell(xml, random.Next(2) == 0 ? cell : inline, random));
                return ($"formula cell {formula}", Zip(parts));
            case Kind.HugeCell:
                var size = new[] { 5_000, 100_000, 2_000_000 }[random.Next(3)];
                var huge = $"<c t=\"inlineStr\"><is><t>{new string('W', size)}</t></is></c>";
                parts[sheet] = Encoding.UTF8.GetBytes(ReplaceFirstCell(Encoding.UTF8.GetString(parts[sheet]), huge, random));
                return ($"a cell of {size:N0} characters", Zip(parts));
            case Kind.ExtraCells:
                var extra = string.Concat(Enumerable.Range(0, random.Next(1, 300)).Select(n => $"<c t=\"inlineStr\"><is><t>extra {n}</t></is></c>"));
                parts[sheet] = Encoding.UTF8.GetBytes(ReplaceFirstCell(Encoding.UTF8.GetString(parts[sheet]), extra, random));
                return ("extra cells on a row", Zip(parts));
            case Kind.SheetXml:
            case Kind.SharedStringsXml:
                var target = kind == Kind.SheetXml || !parts.ContainsKey("xl/sharedStrings.xml") ? sheet : "xl/sharedStrings.xml";
                var inner = new TextMutator(parts[target], separator: '>').Cases(1, seed: random.Next()).Single();
                parts[target] = inner.Bytes;
                return ($"{target}: {inner.Description}", Zip(parts));
            case Kind.NotAZip:
                var text = Encoding.UTF8.GetBytes("Strand,Task,How,Who,When,Task No\nPREVENT,Saved as CSV but named .xlsx,x,y,z,1\n");
                return ("a CSV file named .xlsx", text);
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
    }

    private static string ReplaceFirstCell(string xml, string replacement, Random random)
    {
        var cells = new List<int>();
        for (var at = xml.IndexOf("<c ", StringComparison.Ordinal); at >= 0; at = xml.IndexOf("<c ", at + 1, StringComparison.Ordinal))
        {
            cells.Add(at);
        }

        if (cells.Count == 0)
        {
            return xml;
        }

        var start = cells[random.Next(cells.Count)];
        var selfClosing = xml.IndexOf("/>", start, StringComparison.Ordinal);
        var closing = xml.IndexOf("</c>", start, StringComparison.Ordinal);
        var nextOpen = xml.IndexOf('<', start + 1);
        var end = selfClosing >= 0 && selfClosing < nextOpen ? selfClosing + 2 : closing + 4;
        return end <= start ? xml : xml[..start] + replacement + xml[end..];
    }

    private static Dictionary<string, byte[]> ReadParts(byte[] bytes)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        });
    }

    private static byte[] Zip(Dictionary<string, byte[]> parts, (string Part, int Megabytes)? bomb = null)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
                using var stream = entry.Open();
                if (bomb is { } b && b.Part == name)
                {
                    var xml = Encoding.UTF8.GetString(content);
                    var split = xml.IndexOf("<sheetData>", StringComparison.Ordinal) is var i and >= 0 ? i + "<sheetData>".Length : xml.Length / 2;
                    stream.Write(Encoding.UTF8.GetBytes(xml[..split]));
                    var padding = Encoding.UTF8.GetBytes(new string(' ', 1 << 20));
                    for (var m = 0; m < b.Megabytes; m++)
                    {
                        stream.Write(padding);
                    }

                    stream.Write(Encoding.UTF8.GetBytes(xml[split..]));
                }
                else
                {
                    stream.Write(content);
                }
            }
        }

        return output.ToArray();
    }
}
