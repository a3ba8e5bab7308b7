namespace Scrutineer.Domain.Reports;

/// <summary>A named series of values, one per category of its chart.</summary>
/// <param name="Name">Legend text: "Crimes", "Mean", "Upper process limit".</param>
/// <param name="Values">One value per category; null where there is none.</param>
/// <param name="Dashed">Drawn as a dashed line (means and limits).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, bool Dashed = false);
