using System.Text;
using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Exports;
using Scrutineer.Web.Quarterly;

namespace Scrutineer.Web.Pages.Rounds;

/// <summary>The round's outstanding updates as CSV: one row per unit and commitment, for reminders.</summary>
public sealed class OutstandingModel(RoundBoard board) : ScrutineerPageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var round = await board.RoundAsync(id, ct);
        if (round is null)
        {
            return NotFound();
        }

        var overdue = round.ChasesOutstanding(board.Today);
        var csv = new StringBuilder("Unit,Unit name,Commitment,Commitment text,State,Deadline,Overdue\r\n");
        foreach (var s in Slot.OutstandingByUnit(await board.SlotsAsync(round, ct)))
        {
            csv.AppendJoin(',', new[]
            {
                Field(s.UnitShortName), Field(s.UnitName), Field(s.Reference), Field(s.CommitmentText), Field(Labels.Of(s.Update?.State)),
                round.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), overdue ? "yes" : "no",
            }).Append("\r\n");
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"outstanding-{round.Period.Code.Replace('/', '-')}.csv");
    }

    /// <summary>Quotes a CSV field, and defuses text a spreadsheet would run as a formula (<see cref="CsvCell.Write"/>).</summary>
    internal static string Field(string value) => CsvCell.Write(value);
}
