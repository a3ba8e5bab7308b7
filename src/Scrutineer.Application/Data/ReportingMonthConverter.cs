using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Data;

/// <summary>
/// Stores a month as the integer yyyymm (202309): readable, compact, and it sorts chronologically. The unset value (never
/// stored) reads back as itself, 0: the compiled model keeps each property's unset marker (its sentinel) as a stored value
/// and reads it back here.
/// </summary>
internal sealed class ReportingMonthConverter() : ValueConverter<ReportingMonth, int>(
    m => (m.Year * 100) + m.Month,
    v => v == 0 ? default : new ReportingMonth(v / 100, v % 100));
