using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Data;

/// <summary>Stores a month as the integer yyyymm (202309): readable, compact, and it sorts chronologically.</summary>
internal sealed class ReportingMonthConverter() : ValueConverter<ReportingMonth, int>(
    m => (m.Year * 100) + m.Month,
    v => new ReportingMonth(v / 100, v % 100));
