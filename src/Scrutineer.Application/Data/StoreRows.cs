using Scrutineer.Domain.Imports;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Application.Data;

/// <summary>
/// The columns of the rows <see cref="StoreWriter"/> adds, each value as the store holds it (an enum by its name, a
/// month as yyyymm, as the model's converters store them), the key (<c>Id</c>) left to the store. A test holds each
/// list to the model's columns and the audit entries written from it to those the store's save writes.
/// </summary>
internal static class StoreRows
{
    public static (string Column, object? Value)[] Of(Area area) =>
        [("Name", area.Name), ("Level", area.Level.ToString()), ("ParentId", area.ParentId)];

    public static (string Column, object? Value)[] Of(Measure measure) =>
    [
        ("Name", measure.Name), ("Unit", measure.Unit), ("Kind", measure.Kind.ToString()), ("Better", measure.Better.ToString()),
        ("Definition", measure.Definition), ("Source", measure.Source),
    ];

    public static (string Column, object? Value)[] Of(ImportRun run) =>
    [
        ("Kind", run.Kind.ToString()), ("Started", run.Started), ("By", run.By), ("Files", run.Files), ("Rows", run.Rows), ("Wrote", run.Wrote),
        ("UndoneAt", run.UndoneAt), ("UndoneBy", run.UndoneBy),
    ];

    public static (string Column, object? Value)[] Of(ImportRunMonth month) =>
    [
        ("RunId", month.RunId), ("MeasureId", month.MeasureId), ("Period", Month(month.Period)), ("Before", month.Before), ("After", month.After),
        ("Hold", month.Hold.ToString()), ("Reason", month.Reason), ("ReplacedByRunId", month.ReplacedByRunId),
    ];

    /// <summary>A month as the store holds it: the integer yyyymm (<see cref="ReportingMonthConverter"/>).</summary>
    public static int Month(ReportingMonth month) => (month.Year * 100) + month.Month;

    /// <summary>The month a stored yyyymm stands for.</summary>
    public static ReportingMonth Month(int stored) => new(stored / 100, stored % 100);
}
