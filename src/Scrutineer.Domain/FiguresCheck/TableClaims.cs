using System.Text.RegularExpressions;

namespace Scrutineer.Domain.FiguresCheck;

/// <summary>
/// Typed tables (rows of cells split by "|" or tabs; the first row is the header): a row labelled "Total" must be the
/// column sums of the rows above it (count columns only, not percentages or rates); a first numeric column headed
/// "Total…" must be the sum of the count columns after it, and a trailing one the sum of the count columns before it
/// (in a progress table, "at risk" counted inside or beside "ongoing", but the same way in every row); a "Diff." column the second figure minus the first; a
/// "% Diff." column the difference as a percentage of the first figure. Sums of money ("£0.23m", "£230k") add up
/// within the rounding their typing allows.
/// </summary>
internal static partial class TableClaims
{
    public static IEnumerable<(int Line, string Claim, string Implied)> Find(IReadOnlyList<string> lines)
    {
        var i = 0;
        while (i < lines.Count)
        {
            if (Cells(lines[i]) is not { Count: >= 2 })
            {
                i++;
                continue;
            }

            var start = i;
            var rows = new List<(int Line, List<string> Cells)>();
            while (i < lines.Count && Cells(lines[i]) is { Count: >= 2 } cells)
            {
                if (!cells.All(c => Separator().IsMatch(c)))
                {
                    rows.Add((i, cells));
                }

                i++;

                // One blank line inside a table (as pasted from Word) does not end it when the next row has as many cells.
                if (i + 1 < lines.Count && string.IsNullOrWhiteSpace(lines[i]) && rows.Count > 0
                    && Cells(lines[i + 1]) is { } next && next.Count == rows[0].Cells.Count)
                {
                    i++;
                }
            }

            if (rows.Count >= 2)
            {
                foreach (var finding in Check(rows))
                {
                    yield return finding;
                }
            }

            i = Math.Max(i, start + 1);
        }
    }

    private static IEnumerable<(int Line, string Claim, string Implied)> Check(List<(int Line, List<string> Cells)> rows)
    {
        var header = rows[0].Cells;
        if (header.Skip(1).Any(c => Figure.Parse(c) is not null))
        {
            // The first row holds figures, so it is not the header (it was lost or split off): columns are unknown.
            yield break;
        }

        var body = rows.Skip(1).ToList();
        bool Count(int column) => column < header.Count && !NotAdditive().IsMatch(header[column]);
        var numericColumns = Enumerable.Range(1, header.Count - 1)
            .Where(c => body.Any(r => c < r.Cells.Count && Read(r.Cells[c]) is not null))
            .ToList();

        // "Total" row: column sums of the rows above.
        var flagged = new HashSet<(int Line, int Column)>();
        var totalIndex = body.FindIndex(r => TotalLabel().IsMatch(r.Cells[0]));
        if (totalIndex > 0)
        {
            var total = body[totalIndex];
            foreach (var c in numericColumns.Where(Count))
            {
                if (c >= total.Cells.Count || Read(total.Cells[c]) is not { } typed)
                {
                    continue;
                }

                var sum = Sum(body.Take(totalIndex).Select(r => c < r.Cells.Count ? r.Cells[c] : ""));
                if (!Agrees(sum, typed))
                {
                    flagged.Add((total.Line, c));
                    yield return (total.Line, $"{total.Cells[0]} | {header[c]}: {total.Cells[c]}", $"the rows above add up to {Show(sum.Amount, typed)}, not {total.Cells[c]}");
                }
            }
        }

        // A first numeric column headed "Total…" is the sum of the count columns after it; a last one (a trailing
        // "Total" column) the sum of the count columns before it.
        var first = numericColumns.FirstOrDefault();
        var last = numericColumns.LastOrDefault();
        var totalColumn = first > 0 && TotalLabel().IsMatch(header[first]) ? first
            : last > 0 && TotalLabel().IsMatch(header[last]) ? last
            : 0;
        if (totalColumn > 0)
        {
            var parts = numericColumns.Where(c => c != totalColumn && (totalColumn == first ? c > first : c < last) && Count(c) && !Diff().IsMatch(header[c])).ToList();
            var atRisk = parts.Where(c => AtRisk().IsMatch(header[c])).ToList();
            Value SumOf(List<string> cells, IEnumerable<int> columns) => Sum(columns.Select(c => c < cells.Count ? cells[c] : ""));
            bool AtRiskBeside((int Line, List<string> Cells) row) =>
                Read(row.Cells[totalColumn]) is { } t && SumOf(row.Cells, atRisk).Amount != 0 && Agrees(SumOf(row.Cells, parts), t);
            var someRowCountsAtRiskBeside = atRisk.Count > 0 && body.Any(r => totalColumn < r.Cells.Count && AtRiskBeside(r));
            if (parts.Count >= 2)
            {
                foreach (var (line, cells) in body)
                {
                    if (totalColumn >= cells.Count || Read(cells[totalColumn]) is not { } typed || flagged.Contains((line, totalColumn)))
                    {
                        continue;
                    }

                    var sum = SumOf(cells, parts);
                    var withoutAtRisk = SumOf(cells, parts.Except(atRisk));
                    var claim = $"{cells[0]} | {header[totalColumn]}: {cells[totalColumn]}";
                    var sumText = $"{string.Join(" + ", parts.Select(c => header[c]))} = {Show(sum.Amount, typed)}, not {cells[totalColumn]}";
                    if (Agrees(sum, typed))
                    {
                        continue;
                    }

                    // Tasks "at risk" may be counted within "ongoing" (as seed report 004 does) or beside it; a table that
                    // does both is inconsistent, so a row that adds up only the first way is flagged when another adds up the second.
                    if (atRisk.Count > 0 && Agrees(withoutAtRisk, typed))
                    {
                        if (someRowCountsAtRiskBeside)
                        {
                            yield return (line, claim, $"{sumText}; it adds up only if \"at risk\" is counted inside \"ongoing\", which other rows of this table do not do");
                        }

                        continue;
                    }

                    yield return (line, claim, sumText);
                }
            }
        }

        // "Diff." and "% Diff." after two figures.
        for (var c = 2; c < header.Count; c++)
        {
            if (!Diff().IsMatch(header[c]))
            {
                continue;
            }

            var percent = header[c].Contains('%', StringComparison.Ordinal);
            var figures = Enumerable.Range(0, c).Where(k => !Diff().IsMatch(header[k]) && body.Any(r => k < r.Cells.Count && Figure.Parse(r.Cells[k]) is not null)).ToList();
            if (figures.Count < 2)
            {
                continue;
            }

            var (ka, kb) = (figures[^2], figures[^1]);
            foreach (var (line, cells) in body)
            {
                if (c >= cells.Count || Figure.Parse(cells[ka]) is not { } a || Figure.Parse(cells[kb]) is not { } b)
                {
                    continue;
                }

                var typedText = cells[c].Trim().TrimEnd('%').Replace("+", "", StringComparison.Ordinal).Replace('−', '-');
                var negative = typedText.StartsWith('-');
                if (Figure.Parse(typedText.TrimStart('-')) is not { } magnitude)
                {
                    continue;
                }

                var typed = negative ? -magnitude : magnitude;
                if (percent)
                {
                    if (a == 0)
                    {
                        continue;
                    }

                    var exact = (double)((b - a) / a * 100m);
                    if (!Figure.Agrees(typed, Figure.Decimals(typedText), exact))
                    {
                        yield return (line, $"{cells[0]} | {header[c]}: {cells[c]}", $"({Figure.Show(b)} − {Figure.Show(a)}) / {Figure.Show(a)} is {(exact >= 0 ? "+" : "")}{Figure.Percent(exact)}, not {cells[c].Trim()}");
                    }
                }
                else if (typed != b - a)
                {
                    yield return (line, $"{cells[0]} | {header[c]}: {cells[c]}", $"{Figure.Show(b)} − {Figure.Show(a)} = {(b - a).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}, not {cells[c].Trim()}");
                }
            }
        }
    }

    /// <summary>A cell's figure: a plain number, or a sum of money with the rounding its typing allows.</summary>
    private readonly record struct Value(decimal Amount, decimal Tolerance, Money.Amount? Money);

    private static Value? Read(string cell)
    {
        if (Figure.Parse(cell) is { } plain)
        {
            return new Value(plain, 0, null);
        }

        var trimmed = cell.Trim();
        return Money.Find(trimmed).FirstOrDefault() is { Index: 0 } money && money.Length == trimmed.Length
            ? new Value(money.Pounds, money.Tolerance, money)
            : null;
    }

    private static Value Sum(IEnumerable<string> cells)
    {
        var values = cells.Select(Read).OfType<Value>().ToList();
        return new Value(values.Sum(v => v.Amount), values.Sum(v => v.Tolerance), null);
    }

    /// <summary>Whether a sum agrees with the typed total, within what rounding the typed figures allows.</summary>
    private static bool Agrees(Value sum, Value typed) => Math.Abs(sum.Amount - typed.Amount) <= sum.Tolerance + typed.Tolerance;

    private static string Show(decimal amount, Value like) => like.Money is { } money ? Money.Show(amount, money) : Figure.Show(amount);

    private static List<string>? Cells(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Contains('|', StringComparison.Ordinal))
        {
            return trimmed.Trim('|').Split('|').Select(c => c.Trim()).ToList();
        }

        return line.Contains('\t', StringComparison.Ordinal) ? line.Split('\t').Select(c => c.Trim()).ToList() : null;
    }

    [GeneratedRegex(@"^:?-{2,}:?$")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\bat\s+risk\b", RegexOptions.IgnoreCase)]
    private static partial Regex AtRisk();

    [GeneratedRegex(@"^\s*(?:grand\s+)?totals?\b", RegexOptions.IgnoreCase)]
    private static partial Regex TotalLabel();

    [GeneratedRegex(@"%|per\s*cent|rate|average|mean|ratio|share|proportion", RegexOptions.IgnoreCase)]
    private static partial Regex NotAdditive();

    [GeneratedRegex(@"\bdiff(?:\.|erence)?\b|\bchange\b", RegexOptions.IgnoreCase)]
    private static partial Regex Diff();
}
