using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Data;

/// <summary>
/// Stores a financial quarter as its code, "2023/24-Q2": readable, and it sorts chronologically. The unset value (never
/// stored) reads back as itself: the compiled model keeps each property's unset marker (its sentinel) as a stored value
/// and reads it back here.
/// </summary>
internal sealed class FinancialQuarterConverter() : ValueConverter<FinancialQuarter, string>(q => q.Code, v => v == Unset ? default : FinancialQuarter.Parse(v))
{
    private static readonly string Unset = default(FinancialQuarter).Code;
}
