using System.Globalization;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Performance;

/// <summary>
/// A priority, commitment or strand that measures are linked to, as the analysts' pages name it in an address:
/// "priority-12", "commitment-40", "strand-3" (the store key after the kind).
/// </summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">Its store key.</param>
public sealed record MeasureLinkOwner(MeasureLinkOwnerKind Kind, int Id)
{
    /// <summary>"priority-12".</summary>
    public string Key => Kind.ToString().ToLowerInvariant() + "-" + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The owner named by <paramref name="key"/>, or null when it is not of the form "priority-12".</summary>
    public static MeasureLinkOwner? Parse(string? key)
    {
        var parts = (key ?? "").Split('-', 2);
        return parts.Length == 2 && Enum.TryParse<MeasureLinkOwnerKind>(parts[0], ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            && !parts[0].Any(char.IsDigit)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new MeasureLinkOwner(kind, id)
            : null;
    }

    /// <summary>The owner named by <paramref name="key"/>.</summary>
    /// <exception cref="DomainException">The key is missing or not of the form "priority-12".</exception>
    public static MeasureLinkOwner Required(string? key) =>
        Parse(key) ?? throw new DomainException("Choose the priority, commitment or strand whose measures to change.");
}
