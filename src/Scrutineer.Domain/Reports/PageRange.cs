using System.Globalization;

namespace Scrutineer.Domain.Reports;

/// <summary>The pages a section occupies, inclusive at both ends.</summary>
/// <param name="First">First page, from 1.</param>
/// <param name="Last">Last page, not before <paramref name="First"/>.</param>
public readonly record struct PageRange(int First, int Last)
{
    /// <summary>"3-5", or "3" for a single page.</summary>
    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}
