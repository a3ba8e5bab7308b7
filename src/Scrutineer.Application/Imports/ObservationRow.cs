using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Imports;

/// <summary>An observation ready to be written in bulk.</summary>
internal readonly record struct ObservationRow(int MeasureId, int AreaId, PeriodKind Kind, ReportingMonth Period, decimal Value, decimal? Numerator = null, decimal? Denominator = null);
