namespace Scrutineer.Domain.Performance;

/// <summary>The length of the period an observation covers.</summary>
public enum PeriodKind
{
    /// <summary>A calendar month ("2023-09").</summary>
    Month,

    /// <summary>A financial quarter ("Q2 2023/24"), for measures that come quarterly.</summary>
    Quarter,

    /// <summary>A financial year ("2023/24"), for measures that come yearly.</summary>
    FinancialYear,
}
