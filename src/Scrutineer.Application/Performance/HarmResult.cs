using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Performance;

/// <summary>One crime type's count, weight and harm (count × weight, in days) over the 12 months, and the 12 before.</summary>
/// <param name="CrimeType">The crime type (the measure's name).</param>
/// <param name="Count">Crimes in the 12 months.</param>
/// <param name="Weight">The weight in days: the force's own, else the national one.</param>
/// <param name="National">True when the weight is the national one.</param>
/// <param name="PreviousCount">Crimes in the 12 months before; null when some of those months are missing.</param>
public sealed record HarmRow(string CrimeType, long Count, decimal Weight, bool National, long? PreviousCount)
{
    /// <summary>Count × weight, in days.</summary>
    public decimal Harm => Count * Weight;

    /// <summary>Previous count × weight, in days; null when the previous count is.</summary>
    public decimal? PreviousHarm => PreviousCount * Weight;
}

/// <summary>A force's harm-weighted total under one index, beside its count.</summary>
/// <param name="Index">The index's name ("Cambridge Crime Harm Index").</param>
/// <param name="Source">Where its weights come from, printed beside the figures.</param>
/// <param name="Rows">Each weighted crime type the store holds figures for, by name.</param>
/// <param name="NotHeld">Weighted crime types with no figures for the force in the store (not counted).</param>
public sealed record HarmIndexResult(string Index, string Source, IReadOnlyList<HarmRow> Rows, IReadOnlyList<string> NotHeld)
{
    /// <summary>
    /// The index as a sentence names it: "the Cambridge Crime Harm Index", "the ONS Crime Severity Score", or a name of
    /// the importer's own choosing as it stands ("Test weights").
    /// </summary>
    public string Named => Index.EndsWith("Index", StringComparison.OrdinalIgnoreCase) || Index.EndsWith("Score", StringComparison.OrdinalIgnoreCase)
        ? "the " + Index : Index;

    /// <summary>Crimes of the weighted types in the 12 months.</summary>
    public long Count => Rows.Sum(r => r.Count);

    /// <summary>The harm-weighted total, in days.</summary>
    public decimal Harm => Rows.Sum(r => r.Harm);

    /// <summary>The same crimes in the 12 months before; null when any previous month is missing.</summary>
    public long? PreviousCount => Rows.All(r => r.PreviousCount is not null) ? Rows.Sum(r => r.PreviousCount!.Value) : null;

    /// <summary>The harm-weighted total of the 12 months before; null when any previous month is missing.</summary>
    public decimal? PreviousHarm => Rows.All(r => r.PreviousHarm is not null) ? Rows.Sum(r => r.PreviousHarm!.Value) : null;

    /// <summary>The count against the 12 months before, with its verdict; null without the previous months.</summary>
    public CountComparison? CountChange => PreviousCount is { } p ? CountComparison.Of(p, Count) : null;

    /// <summary>The harm's percentage change, unrounded; null without the previous months or on a zero base.</summary>
    public decimal? HarmPercentChange => PreviousHarm is { } p ? Figures.PercentChange(p, Harm) : null;

    /// <summary>The method in words, printed beside the figures.</summary>
    public string Method => $"Harm = count × {Index} weight in days (the force's own weight where the index has one, else the national weight). Source: {Source}";
}

/// <summary>A force's counts and harm-weighted totals over the 12 months to a month, under every harm index loaded.</summary>
/// <param name="Force">The force.</param>
/// <param name="From">First month (inclusive).</param>
/// <param name="To">Last month (inclusive).</param>
/// <param name="Indexes">One result per index that weighs a crime type the force has figures for, by name.</param>
/// <param name="Unweighted">Other indexes loaded, by name: they weigh crime types, but none the force has figures for.</param>
/// <param name="NoWeights">Other indexes loaded, by name: they hold no weight for the force, national or its own.</param>
public sealed record HarmResult(string Force, ReportingMonth From, ReportingMonth To, IReadOnlyList<HarmIndexResult> Indexes, IReadOnlyList<string> Unweighted, IReadOnlyList<string> NoWeights)
{
    /// <summary>Why an index's figures stand without the 12 months before, in the words every front door and report uses.</summary>
    public string NotComparedText =>
        $"Not compared with the 12 months before ({From.Plus(-12).ShortLabel}–{From.Plus(-1).ShortLabel}): the store does not hold every one of those months for every crime type.";

    /// <summary>The sentence naming the indexes not shown (<see cref="Unweighted"/>, <see cref="NoWeights"/>) and why; null when every index is shown.</summary>
    public string? UnweightedText => Unweighted.Count + NoWeights.Count == 0 ? null : "Not shown: " + Why(Force, Unweighted, NoWeights);

    /// <summary>Why indexes weigh nothing for <paramref name="force"/>: "Kent weights weighs no crime type … has figures for in the store; X has no weights for …".</summary>
    public static string Why(string force, IReadOnlyList<string> unweighted, IReadOnlyList<string> noWeights)
    {
        var parts = new List<string>();
        if (unweighted.Count > 0)
        {
            parts.Add($"{EnGb.List(unweighted)} {(unweighted.Count == 1 ? "weighs" : "weigh")} no crime type {force} has figures for in the store");
        }

        if (noWeights.Count > 0)
        {
            parts.Add($"{EnGb.List(noWeights)} {(noWeights.Count == 1 ? "has" : "have")} no weights for {force}, national or its own");
        }

        return string.Join("; ", parts) + ".";
    }
}
