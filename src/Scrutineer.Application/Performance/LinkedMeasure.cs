using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Performance;

/// <summary>A measure named as showing progress, as a plan file, the workbook or a page gives it: its store name, an optional target and better direction.</summary>
public sealed record LinkedMeasure(string Name, decimal? Target = null, BetterDirection? Better = null);
