namespace Scrutineer.Application.Delivery;

/// <summary>
/// A workbook's measures sheet: a header row with a <c>Measure</c> column (and no Task column), optional <c>Target</c>,
/// <c>Better</c> and <c>Strand</c> columns, then one measure per row (see docs/delivery-plans.md).
/// </summary>
internal static class MeasuresSheet
{
    private const int HeaderSearchRows = 15;

    /// <summary>The header row's index and columns (Measure, Strand, Target, Better; −1 when absent), or null when the sheet is not a measures sheet.</summary>
    public static (int Index, int Measure, int Strand, int Target, int Better)? Header(SheetGrid sheet)
    {
        for (var i = 0; i < Math.Min(sheet.Rows.Count, HeaderSearchRows); i++)
        {
            var keys = sheet.Rows[i].Cells.Select(DeliveryPlanParser.Key).ToList();
            var measure = keys.FindIndex(k => k is "measure" or "measures" or "measurename");
            if (measure < 0 || keys.Any(k => k is "task" or "tasks" or "action" or "actions"))
            {
                continue;
            }

            return (i, measure, keys.FindIndex(k => k is "strand" or "thematicstrand"), keys.FindIndex(k => k == "target"),
                keys.FindIndex(k => k is "better" or "betterdirection" or "whichisbetter"));
        }

        return null;
    }

    /// <summary>The measures on <paramref name="sheet"/> under its header; a row with other cells but no measure is reported as skipped.</summary>
    public static IEnumerable<RawMeasure> Read(SheetGrid sheet, (int Index, int Measure, int Strand, int Target, int Better) header, ImportReport report)
    {
        foreach (var row in sheet.Rows.Skip(header.Index + 1))
        {
            var name = row[header.Measure].Trim();
            if (name.Length == 0)
            {
                if (row.Cells.Any(c => c.Trim().Length > 0))
                {
                    report.Add(sheet.File, sheet.Name, row.Number, null, ImportNoteKind.Skipped, "measures sheet row with no measure name: not read");
                }

                continue;
            }

            yield return new RawMeasure(sheet.File, sheet.Name, row.Number, row[header.Strand].Trim(), name, row[header.Target].Trim(), row[header.Better].Trim());
        }
    }
}
