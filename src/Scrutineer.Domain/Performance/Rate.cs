using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Performance;

/// <summary>A rate kept with its parts: "DVPN → DVPO conversion 90.24%" is 185 orders of 205 notices.</summary>
public sealed record Rate
{
    /// <summary>Creates a rate.</summary>
    /// <exception cref="DomainException">A negative numerator or a denominator that is not positive.</exception>
    public Rate(decimal numerator, decimal denominator)
    {
        if (numerator < 0 || denominator <= 0)
        {
            throw new DomainException($"A rate needs a numerator of 0 or more and a denominator above 0 (got {numerator} / {denominator}).");
        }

        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The numerator (orders granted).</summary>
    public decimal Numerator { get; }

    /// <summary>The denominator (notices issued).</summary>
    public decimal Denominator { get; }

    /// <summary>Numerator / denominator × 100, unrounded.</summary>
    public decimal Percent => Numerator * 100m / Denominator;

    /// <summary>"90.2% (185 of 205)".</summary>
    public override string ToString() =>
        $"{Figures.Percent(Percent)} ({Figures.Number(Numerator, Numerator == decimal.Truncate(Numerator) ? 0 : 1)} of {Figures.Number(Denominator, Denominator == decimal.Truncate(Denominator) ? 0 : 1)})";
}
