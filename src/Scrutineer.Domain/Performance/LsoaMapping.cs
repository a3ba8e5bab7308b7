using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Performance;

/// <summary>
/// Assigns LSOAs to a district: either one LSOA by its code ("E01021577") or every LSOA of a local authority by the
/// name data.police.uk gives its LSOAs ("Castle Point" matches "Castle Point 001A", "Castle Point 012C").
/// A code mapping wins over a local-authority mapping.
/// </summary>
public sealed class LsoaMapping
{
    private LsoaMapping()
    {
        Lsoa = "";
    }

    /// <summary>Maps <paramref name="lsoa"/> (a code or a local authority name) to <paramref name="district"/>.</summary>
    /// <exception cref="DomainException">Empty or overlong key.</exception>
    public LsoaMapping(string lsoa, Area district)
    {
        lsoa = (lsoa ?? "").Trim();
        if (lsoa.Length == 0 || lsoa.Length > 100)
        {
            throw new DomainException("An LSOA mapping needs an LSOA code or local authority name of 1 to 100 characters.");
        }

        Lsoa = lsoa;
        Area = district;
    }

    /// <summary>Store key.</summary>
    public int Id { get; private set; }

    /// <summary>An LSOA code (E01…, W01…) or a local authority name.</summary>
    public string Lsoa { get; private set; }

    /// <summary>True when <see cref="Lsoa"/> is a single LSOA's code rather than a local authority name.</summary>
    public bool IsCode => IsLsoaCode(Lsoa);

    /// <summary>The district's key.</summary>
    public int AreaId { get; private set; }

    /// <summary>The district the LSOAs belong to.</summary>
    public Area Area { get; private set; } = null!;

    /// <summary>Moves the mapping to another district.</summary>
    public void MoveTo(Area district)
    {
        Area = district;
        AreaId = district.Id;
    }

    /// <summary>True for an ONS LSOA code: a letter, two digits and six digits (E01021577).</summary>
    public static bool IsLsoaCode(string text) =>
        text.Length == 9 && char.IsAsciiLetterUpper(text[0]) && text.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>
    /// The local authority part of a data.police.uk LSOA name: "Castle Point 001A" → "Castle Point". Null when the
    /// name does not end in a space, three digits and a letter.
    /// </summary>
    public static string? LocalAuthorityOf(ReadOnlySpan<char> lsoaName)
    {
        var name = lsoaName.Trim();
        if (name.Length < 6 || name[^5] != ' ' || !char.IsAsciiDigit(name[^4]) || !char.IsAsciiDigit(name[^3])
            || !char.IsAsciiDigit(name[^2]) || !char.IsAsciiLetter(name[^1]))
        {
            return null;
        }

        return name[..^5].ToString();
    }
}
