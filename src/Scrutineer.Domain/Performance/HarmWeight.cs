using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// The weight of one crime type in a harm index, in days (of imprisonment, for the Cambridge Crime Harm Index): for one
/// force, or nationally when <see cref="ForceId"/> is null. A force's own weight wins over the national one.
/// </summary>
public sealed class HarmWeight
{
    /// <summary>The largest weight, in days (a thousand years).</summary>
    public const decimal MaxDays = 365_250m;

    private HarmWeight()
    {
        CrimeType = "";
    }

    /// <summary>Records a weight.</summary>
    /// <exception cref="DomainException">An empty or overlong crime type, a force that is not a force, or days below 0 or above <see cref="MaxDays"/>.</exception>
    public HarmWeight(HarmIndex index, Area? force, string crimeType, decimal days)
    {
        crimeType = (crimeType ?? "").Trim();
        if (crimeType.Length == 0 || crimeType.Length > Measure.NameMaxLength)
        {
            throw new DomainException($"A harm weight needs a crime type of 1 to {Measure.NameMaxLength} characters.");
        }

        if (force is not null && force.Level != AreaLevel.Force)
        {
            throw new DomainException($"'{force.Name}' is not a force: a harm weight is national or for one force.");
        }

        if (days < 0 || days > MaxDays)
        {
            throw new DomainException(string.Create(EnGb.Culture, $"A harm weight is 0 to {MaxDays:N0} days: {days} is not."));
        }

        Index = index;
        Force = force;
        CrimeType = crimeType;
        Days = days;
    }

    /// <summary>Store key.</summary>
    public int Id { get; private set; }

    /// <summary>The index's key.</summary>
    public int IndexId { get; private set; }

    /// <summary>The index the weight belongs to.</summary>
    public HarmIndex Index { get; private set; } = null!;

    /// <summary>The force's key, or null for a national weight.</summary>
    public int? ForceId { get; private set; }

    /// <summary>The force, or null for a national weight.</summary>
    public Area? Force { get; private set; }

    /// <summary>The crime type, as data.police.uk names it and the store's crime-type measures are named ("Burglary").</summary>
    public string CrimeType { get; private set; }

    /// <summary>The weight in days, 0 or more (up to 4 decimal places are kept).</summary>
    public decimal Days { get; private set; }
}
