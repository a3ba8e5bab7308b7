using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Data;

/// <summary>Stores a financial quarter as its code, "2023/24-Q2": readable, and it sorts chronologically.</summary>
internal sealed class FinancialQuarterConverter() : ValueConverter<FinancialQuarter, string>(q => q.Code, v => FinancialQuarter.Parse(v));
