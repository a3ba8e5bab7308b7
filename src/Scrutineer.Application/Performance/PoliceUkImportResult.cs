using Scrutineer.Application.Imports;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Performance;

/// <summary>What a data.police.uk import did.</summary>
/// <param name="Files">Files read.</param>
/// <param name="Rows">Data rows counted (every published row once).</param>
/// <param name="Forces">The forces ("Falls within") found.</param>
/// <param name="FirstMonth">The earliest month in the files.</param>
/// <param name="LastMonth">The latest month in the files.</param>
/// <param name="Months">How many force-months were written (each replacing what was there).</param>
/// <param name="Observations">Observations written.</param>
/// <param name="RowsOutsideMappedDistricts">Rows of forces that have districts whose LSOA mapped to none of them (counted for the force only).</param>
/// <param name="Run">The import run recorded, and the months it holds as provisional.</param>
public sealed record PoliceUkImportResult(
    int Files, long Rows, IReadOnlyList<string> Forces, ReportingMonth FirstMonth, ReportingMonth LastMonth, int Months, int Observations, long RowsOutsideMappedDistricts, RecordedRun Run);
