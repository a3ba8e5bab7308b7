namespace Scrutineer.Application.Delivery;

/// <summary>One sheet of a workbook (or one CSV file) read into text cells: rows numbered as the spreadsheet numbers them.</summary>
/// <param name="File">The file name, for messages.</param>
/// <param name="Name">The sheet name (for a CSV, the file name without extension).</param>
/// <param name="Rows">The non-empty rows in order.</param>
public sealed record SheetGrid(string File, string Name, IReadOnlyList<GridRow> Rows);

/// <summary>A row: its spreadsheet number (from 1), its cells by column (from 0) and the cells filled from a merged range above.</summary>
public sealed record GridRow(int Number, IReadOnlyList<string> Cells, IReadOnlySet<int> FilledFromMerge)
{
    /// <summary>The cell at <paramref name="column"/>, or "" beyond the row's end.</summary>
    public string this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : "";

    /// <summary>Whether every cell is blank.</summary>
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}
