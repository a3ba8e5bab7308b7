using System.Globalization;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Application.Demo;

/// <summary>
/// Writes the demo's synthetic commentary: a progress paragraph, an activity figure compared with the previous quarter,
/// bullet points and a look ahead. Deterministic for a given seed. The comparisons are computed, so they are right, and
/// a "previous quarter" figure is the one the same unit reported for the same commitment the quarter before,
/// except for the few claims listed in <see cref="PlantedInconsistencies"/>, which are wrong on purpose so that the
/// figures check has something real to find, and the OFFICIAL-SENSITIVE parts in <see cref="SensitiveNotes"/>, which
/// the public version of a report leaves out. No OFFICIAL text carries a marking: classification is data.
/// </summary>
internal sealed class DemoCommentary(int seed)
{
    private static readonly string[] Activities =
    [
        "crime prevention surveys", "warrants executed against drug supply", "protection notices authorised",
        "targeted patrols in reported hotspots", "victims contacted within 24 hours", "rural engagement events",
        "dog theft reports reviewed", "fraud victims visited", "roadside checks", "volunteer hours given",
        "wellbeing referrals", "joint operations with partners",
    ];

    private static readonly string[] Progress =
    [
        "Work with partners has moved from planning into delivery and the first results are showing.",
        "The team reviewed its approach at the start of the quarter and moved resources to the places of greatest harm.",
        "Delivery is on course, with the main milestones for the year met so far.",
        "A new tasking process agreed with partners means cases are picked up faster than before.",
        "Training for frontline staff was completed this quarter, and the new guidance is now in use.",
        "An internal review found good practice in two districts, which is now being shared force-wide.",
        "Community feedback gathered this quarter has shaped the next phase of the work.",
        "Staff vacancies slowed progress early in the quarter, but the team is now at full strength.",
    ];

    private static readonly string[] Bullets =
    [
        "partner meetings attended", "referrals made to support services", "staff trained", "community events held",
        "schools visited", "premises given crime prevention advice", "arrests made", "safeguarding visits completed",
    ];

    private static readonly string[] NextQuarter =
    [
        "Evaluate the pilot and decide whether to extend it to every district.",
        "Launch the winter campaign with partners.",
        "Complete the refresher training for the remaining teams.",
        "Report progress to the Commissioner's scrutiny board.",
        "Agree the data-sharing arrangements with health partners.",
        "Recruit to the two remaining posts.",
    ];

    /// <summary>(priority number, commitment number, unit short name, period code) of the deliberately wrong claims.</summary>
    public static readonly (int Priority, int Commitment, string Unit, string Period, string What)[] PlantedInconsistencies =
    [
        (3, 1, "C&PP", "2023/24-Q4", "percentage change that does not match its two figures"),
        (9, 1, "Roads", "2023/24-Q4", "'increase' beside figures that fell"),
        (10, 1, "CiP", "2023/24-Q4", "'N out of M (P%)' with the wrong percentage"),
    ];

    /// <summary>
    /// (priority number, commitment number, unit short name, period code, paragraph) of the OFFICIAL-SENSITIVE part of an
    /// update's commentary: operational detail that the public version of a report leaves out. Written apart from the
    /// random text, so the rest of the demo is the same with or without it.
    /// </summary>
    public static readonly (int Priority, int Commitment, string Unit, string Period, string Text)[] SensitiveNotes =
    [
        (2, 1, "SCD", "2023/24-Q2", "Two further lines were closed after covert work with the regional organised crime unit; their names are withheld until the trials end."),
    ];

    private readonly Random random = new(seed);

    /// <summary>The activity figure each update reported, by commitment, unit and period: next quarter's "previous".</summary>
    private readonly Dictionary<(string Commitment, string Unit, string Period), int> reported = [];

    public Commentary Write(Commitment commitment, Unit unit, FinancialQuarter period)
    {
        var activity = Activities[(commitment.Priority.Number - 1) % Activities.Length];
        var previous = random.Next(20, 400);
        if (reported.TryGetValue((commitment.Reference, unit.ShortName, period.Previous.Code), out var before))
        {
            previous = before;
        }

        var current = Math.Max(1, previous + random.Next(-previous / 3, previous / 3 + 5));
        var planted = PlantedInconsistencies.FirstOrDefault(p =>
            p.Priority == commitment.Priority.Number && p.Commitment == commitment.Number && p.Unit == unit.ShortName && p.Period == period.Code);
        var lines = new List<string>
        {
            $"{unit.ShortName} Update:",
            "",
            $"{Progress[random.Next(Progress.Length)]} {Progress[random.Next(Progress.Length)]}",
            "",
            Comparison(activity, previous, ref current, period, planted.What),
            "",
        };

        reported[(commitment.Reference, unit.ShortName, period.Code)] = current;
        foreach (var bullet in Bullets.OrderBy(_ => random.Next()).Take(random.Next(2, 4)))
        {
            lines.Add(string.Create(EnGb.Culture, $"- {random.Next(3, 60)} {bullet}"));
        }

        if (planted.What?.StartsWith("'N out of M", StringComparison.Ordinal) == true)
        {
            lines.Add("");
            lines.Add("Of the 48 new volunteers who started training, 36 out of 48 (80%) completed it within the quarter.");
        }
        else if (random.Next(4) == 0)
        {
            var total = random.Next(20, 90);
            var part = random.Next(1, total);
            lines.Add("");
            lines.Add(string.Create(EnGb.Culture, $"Of the {total} cases reviewed, {part} out of {total} ({Percent(part, total)}%) met the new standard."));
        }

        if (random.Next(3) == 0)
        {
            lines.Add("");
            lines.Add("Activity next quarter:");
            lines.Add("");
            lines.Add("- " + NextQuarter[random.Next(NextQuarter.Length)]);
        }

        return Commentary.Parse(string.Join('\n', lines));
    }

    /// <summary>The OFFICIAL-SENSITIVE part of the commentary for this unit, commitment and period; null when there is none.</summary>
    public static Commentary? Sensitive(Commitment commitment, Unit unit, FinancialQuarter period)
    {
        var note = SensitiveNotes.FirstOrDefault(n =>
            n.Priority == commitment.Priority.Number && n.Commitment == commitment.Number && n.Unit == unit.ShortName && n.Period == period.Code);
        return note.Text is null ? null : Commentary.Parse(note.Text);
    }

    /// <summary>
    /// The activity figure against the figure reported the quarter before. A planted error keeps both figures true (the
    /// next quarter follows from them) and gets only the percentage or the direction wrong.
    /// </summary>
    private static string Comparison(string activity, int previous, ref int current, FinancialQuarter period, string? planted)
    {
        var months = period.MonthsLabel;
        if (planted is not null && planted.StartsWith("percentage", StringComparison.Ordinal))
        {
            current = Math.Max(current, previous + 5);
            var wrong = Percent(current - previous, previous) + 10m;
            return string.Create(EnGb.Culture,
                $"In {months} there were {current:N0} {activity}, an increase of {wrong.ToString("0.0", CultureInfo.InvariantCulture)}% from {previous:N0} to {current:N0} on the previous quarter.");
        }

        if (planted is not null && planted.StartsWith("'increase'", StringComparison.Ordinal))
        {
            current = Math.Max(1, Math.Min(current, previous - 5));
            return string.Create(EnGb.Culture, $"In {months} there were {current:N0} {activity}, an increase from {previous:N0} in the previous quarter.");
        }

        if (current == previous)
        {
            return string.Create(EnGb.Culture, $"In {months} there were {current:N0} {activity}, the same number as in the previous quarter.");
        }

        var direction = current > previous ? "an increase" : "a decrease";
        var change = Math.Abs(Percent(current - previous, previous));
        return string.Create(EnGb.Culture,
            $"In {months} there were {current:N0} {activity}, {direction} of {change.ToString("0.0", CultureInfo.InvariantCulture)}% from {previous:N0} to {current:N0} on the previous quarter.");
    }

    private static decimal Percent(int part, int whole) => Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
