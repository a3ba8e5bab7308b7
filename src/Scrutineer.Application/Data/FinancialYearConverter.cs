using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Data;

/// <summary>Stores a financial year as the calendar year it starts in (2023 for 2023/24).</summary>
internal sealed class FinancialYearConverter() : ValueConverter<FinancialYear, int>(y => y.StartYear, v => new FinancialYear(v));
