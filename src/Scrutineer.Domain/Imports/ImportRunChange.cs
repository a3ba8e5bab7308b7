using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Domain.Imports;

/// <summary>
/// One figure an import run changed: its key (measure, area, period) and the value before (null when the run added it)
/// and after (null when the run removed it), with a rate's numerator and denominator. Written in bulk with the run and
/// kept out of the audit trail (the run itself is audited); read to undo the run exactly and to find later runs that
/// touched the same figures.
/// </summary>
public sealed class ImportRunChange
{
    private ImportRunChange()
    {
    }

    /// <summary>Store key.</summary>
    public long Id { get; private set; }

    /// <summary>The run.</summary>
    public long RunId { get; private set; }

    /// <summary>The measure's key.</summary>
    public int MeasureId { get; private set; }

    /// <summary>The area's key.</summary>
    public int AreaId { get; private set; }

    /// <summary>Month, quarter or financial year.</summary>
    public PeriodKind Kind { get; private set; }

    /// <summary>The month, or the first month of the quarter or year.</summary>
    public ReportingMonth Period { get; private set; }

    /// <summary>The value before, or null when there was none.</summary>
    public decimal? BeforeValue { get; private set; }

    /// <summary>The numerator before, or null.</summary>
    public decimal? BeforeNumerator { get; private set; }

    /// <summary>The denominator before, or null.</summary>
    public decimal? BeforeDenominator { get; private set; }

    /// <summary>The value written, or null when the run removed the figure.</summary>
    public decimal? AfterValue { get; private set; }

    /// <summary>The numerator written, or null.</summary>
    public decimal? AfterNumerator { get; private set; }

    /// <summary>The denominator written, or null.</summary>
    public decimal? AfterDenominator { get; private set; }
}
