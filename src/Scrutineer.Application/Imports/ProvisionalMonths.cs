using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Imports;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Imports;

/// <summary>
/// Why a month imported has no figure: an import run holds it as provisional (<see cref="ScrutineerDb"/>'s one rule),
/// said where a figure is missing, with what releases it.
/// </summary>
public static class ProvisionalMonths
{
    /// <summary>
    /// Of <paramref name="months"/>, those an import run holds for <paramref name="measureId"/>, in words with the run
    /// and the command that confirms it; null when none is held.
    /// </summary>
    public static async Task<string?> DescribeHeldAsync(ScrutineerDb db, int measureId, IReadOnlyCollection<ReportingMonth> months, CancellationToken cancellationToken = default)
    {
        var wanted = months.ToList();
        var held = await db.ImportRunMonths.AsNoTracking()
            .Where(h => h.Hold == MonthHold.Held && h.MeasureId == measureId && wanted.Contains(h.Period))
            .Select(h => new { h.Period, h.RunId }).ToListAsync(cancellationToken);
        if (held.Count == 0)
        {
            return null;
        }

        var runs = held.Select(h => h.RunId).Distinct().Order().ToList();
        var heldMonths = held.Select(h => h.Period).Distinct().Order().ToList();
        return $"{RollingTwelveMonths.Describe(heldMonths)} {(heldMonths.Count == 1 ? "is" : "are")} held as provisional by import run {string.Join(", ", runs)}: "
            + $"check the figures ('scrutineer import runs'), then confirm with 'scrutineer import confirm {runs[0]}' or on Data on the web";
    }
}
