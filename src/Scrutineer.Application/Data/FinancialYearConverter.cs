using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Data;

/// <summary>
/// Stores a financial year as the calendar year it starts in (2023 for 2023/24). The unset value (never stored) reads back
/// as itself, 0: the compiled model keeps each property's unset marker (its sentinel) as a stored value and reads it back here.
/// </summary>
internal sealed class FinancialYearConverter() : ValueConverter<FinancialYear, int>(y => y.StartYear, v => v == 0 ? default : new FinancialYear(v));
