using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Delivery;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Demo;

/// <summary>
/// The demo crime prevention strategy: nine strands, each with aims, forums, leads (one changed in 2023) and a 4P
/// delivery plan of 36 tasks (324 in all), with a status history from launch to the demo's today, four tasks at risk
/// with mitigations, achieved/scheduled lines for Q3 and Q4 2023/24, and links to the plan's commitments. Writes one
/// workbook per strand in the import layout when a files folder is given. Deterministic: no randomness, no clock.
/// </summary>
internal static class DemoStrategy
{
    public const string Title = "Crime Prevention Strategy 2021-2024";

    private static readonly DateOnly Launch = new(2021, 11, 29);

    /// <summary>The first quarter the demo's rounds report on (Q1 2023/24): delivery notes are recorded from it on.</summary>
    private static readonly FinancialQuarter FirstReported = new(new FinancialYear(2023), 1);

    private sealed record StrandSeed(string Title, string Subject, int[] Priorities, string Strategic, string Tactical, string[] Forums, string[] Topics, string[] Owners);

    private static readonly StrandSeed[] Strands =
    [
        new("Domestic Abuse", "domestic abuse", [3, 4], "Ch/Supt Helen Marsh", "DCI Omar Patel",
            ["Southend, Essex and Thurrock Domestic Abuse Board", "Domestic Abuse Performance Group", "Community Safety Partnerships"],
            ["risk conferences", "repeat victims", "protection notices", "perpetrator programmes", "children in abusive homes", "victim feedback", "first response", "stalking cases", "specialist training"],
            ["DA Lead for Safeguarding", "DA Lead for Investigation", "OP", "Juno Team Inspector"]),
        new("Gangs and Knife Crime", "gangs and knife crime", [2], "Ch/Supt Mark Delaney", "DCI Ruth Okafor",
            ["Violence and Vulnerability Partnership", "Community Safety Hubs"],
            ["county lines", "knife sweeps", "test purchases", "school inputs", "exit pathways", "hotspot patrols", "youth advisory groups", "amnesty bins", "drug market intelligence"],
            ["RO", "Op Raptor Inspector", "SVU DI", "LPA Chief Inspector"]),
        new("Night-Time Economy", "the night-time economy", [4], "Ch/Supt Mark Delaney", "C/Insp Liam Carter",
            ["Licensing Committees", "Town Centre Partnerships"],
            ["licensed premises", "safe spaces", "door staff training", "taxi marshals", "street pastors", "late-night patrols", "drink spiking", "welfare vehicles", "event planning"],
            ["LC", "Licensing Sergeant", "District Commander"]),
        new("Sexual Crime, Child Abuse and Exploitation", "sexual crime and exploitation", [3, 4], "Det Ch/Supt Anna Clarke", "DCI Ben Hollis",
            ["Safeguarding Children Partnerships", "Missing and Exploited Children Group"],
            ["missing children", "exploitation toolkit", "strategy meetings", "specialist investigators", "hotel awareness", "online grooming", "victim support", "court preparation", "data sharing"],
            ["BH", "CAIT DI", "MASH Manager", "Public Protection Lead"]),
        new("Digital Crime and Fraud", "fraud and cyber crime", [8], "Det Ch/Supt Simon Reed", "DI Grace Whitfield",
            ["Cyber Information Sharing Partnership", "Business Crime Forum"],
            ["romance fraud", "courier fraud", "small business networks", "phishing reports", "older residents", "banking protocol", "malware trends", "ancillary orders", "media messaging"],
            ["GW", "Economic Crime Unit", "Cyber Protect Officer", ""]),
        new("Extremism and Radicalisation", "extremism and radicalisation", [12], "Det Ch/Supt Simon Reed", "Covered by the regional unit",
            ["County Prevent Board", "Unitary Prevent Boards"],
            ["faith groups", "Prevent referrals", "community contacts", "school safeguarding leads", "online content", "contingency plans", "stakeholder mapping", "awareness training", "Channel panels"],
            ["Prevent Team Sergeant", "Community Engagement Officer", "SB DI"]),
        new("House Burglary and Street Robbery", "burglary and robbery", [1, 6], "Ch/Supt Karen Foster", "DCI Paul Ashby",
            ["Serious and Acquisitive Crime Forum", "Neighbourhood Watch"],
            ["target offenders", "property marking", "stolen goods markets", "cocooning visits", "forensic opportunities", "number plate recognition", "street crime operations", "victim packs", "seasonal campaigns"],
            ["PA", "Crime Manager", "LPSU Sergeant", "OPC Inspector"]),
        new("Hate Crime", "hate crime", [5, 10], "Ch/Supt Karen Foster", "Insp Nadia Hussain",
            ["Strategic Hate Crime Partnership", "Independent Advisory Groups"],
            ["third-party reporting centres", "hate crime ambassadors", "victim statements", "case referrals", "awareness week", "response statements", "disability hate crime", "victim updates", "training inputs"],
            ["NH", "Hate Crime Officer", "Diversity Manager"]),
        new("Serious and Organised Crime", "serious and organised crime", [2, 8], "Det Ch/Supt Simon Reed", "DCI Tom Brennan",
            ["Local Serious Organised Crime Boards", "District Hub Tasking Meetings"],
            ["crime group mapping", "prevention orders", "financial investigation", "prison intelligence", "lifetime offender management", "intelligence briefings", "cash seizures", "partner powers", "modern slavery"],
            ["TB", "SOC Coordinator", "Financial Investigator", "Prison Intelligence Unit"]),
    ];

    /// <summary>The strands' titles, in report order.</summary>
    public static IEnumerable<string> StrandTitles => Strands.Select(s => s.Title);

    private static readonly Dictionary<FourPStage, string[]> Templates = new()
    {
        [FourPStage.Prevent] =
        [
            "Raise public awareness of {0} through a joint campaign on {1}",
            "Work with partners to spot early signs of {0} linked to {1}",
            "Give schools and youth services a single message on {1}",
            "Map where {1} concentrate and agree local prevention plans",
            "Train frontline staff to recognise {1} as part of {0}",
            "Share data with councils to target {1} before harm occurs",
            "Design out opportunities for {0} around {1}",
            "Use volunteers and community groups to reach people affected by {1}",
            "Review national good practice on {1} and adopt what works",
        ],
        [FourPStage.Pursue] =
        [
            "Target the most harmful offenders connected with {1}",
            "Make full use of civil and criminal powers against {1}",
            "Improve the quality of investigations into {1}",
            "Task intelligence on {1} through local and force tasking",
            "Run joint operations with partners focused on {1}",
            "Increase charges and outcomes for offences involving {1}",
            "Track outstanding suspects linked to {1} weekly",
            "Use financial tactics to disrupt offenders behind {1}",
            "Brief prosecutors early on cases involving {1}",
        ],
        [FourPStage.Protect] =
        [
            "Safeguard victims of {0} through referrals on {1}",
            "Offer specialist support to people affected by {1}",
            "Check that every case involving {1} has a safety plan",
            "Keep victims informed about progress on {1}",
            "Protect locations at risk from {1} with visible patrols",
            "Agree one referral route with safeguarding partners for {1}",
            "Listen to victims' views on {1} and act on them",
            "Provide advice to businesses and residents about {1}",
            "Reduce repeat victimisation linked to {1}",
        ],
        [FourPStage.Prepare] =
        [
            "Deliver refresher training on {1} to officers and staff",
            "Keep contingency plans for {1} current and tested",
            "Build analytical products on {1} to guide activity",
            "Set up governance to oversee delivery on {1}",
            "Plan for seasonal peaks in {1}",
            "Develop media lines ready for incidents involving {1}",
            "Secure funding to sustain work on {1}",
            "Evaluate the impact of the work on {1}",
            "Maintain subject matter experts on {1}",
        ],
    };

    private static readonly string[] Dues =
        ["Quarterly", "Mar-24", "Monthly", "Sep-23", "Ongoing", "End June 2024", "1st review 15/5/23", "Dec-23", "Mar-25"];

    public static async Task AddAsync(ScrutineerDb db, DemoSettings settings, CancellationToken ct)
    {
        var today = UkClock.DateOf(settings.Today);
        var plan = await db.Plans.OrderByDescending(p => p.Id).FirstOrDefaultAsync(p => p.Title == DemoForce.PlanTitle, ct);
        var commitments = plan is null ? [] : await db.Commitments.Include(c => c.Priority).Where(c => c.Priority.PlanId == plan.Id).ToListAsync(ct);

        var strategy = new CrimePreventionStrategy(Title, 2021, 2024, Launch);
        var atRisk = new Dictionary<(int, int), (string Risk, string Mitigation)>
        {
            [(1, 12)] = ("Too few specialist investigators to review every case as planned.", "Two posts are being backfilled from the detective pool; reviews are prioritised by risk meanwhile."),
            [(4, 20)] = ("Enforcement opportunities for ancillary orders are not being taken up often enough.", "The intelligence review under way will set out how orders are identified and monitored."),
            [(6, 7)] = ("The property marking scheme depends on partner funding that is not yet confirmed.", "A bid has gone to the Community Safety Partnerships; a smaller pilot can run from force budgets."),
            [(8, 30)] = ("Prison intelligence packages are arriving late because of a vacancy.", "Regional colleagues are covering the work until the post is filled in May."),
        };

        var counter = 0;
        for (var s = 0; s < Strands.Length; s++)
        {
            var seed = Strands[s];
            var strand = strategy.AddStrand(seed.Title);
            strand.SetAims([
                $"Reduce the harm caused by {seed.Subject} across the county",
                $"Increase confidence to report {seed.Subject}",
                $"Bring more offenders responsible for {seed.Subject} to justice",
            ]);
            strand.SetForums(seed.Forums);
            strand.AssignLead(LeadRole.Strategic, seed.Strategic, null, Launch, "demo");
            strand.AssignLead(LeadRole.Tactical, seed.Tactical, null, Launch, "demo");
            if (s == 1)
            {
                strand.AssignLead(LeadRole.Tactical, "DCI Priya Lang", null, new DateOnly(2023, 6, 1), "demo");
            }

            strand.AssignLead(LeadRole.Thematic, seed.Tactical, null, Launch, "demo");
            var delivery = strand.PlanTitled($"4P delivery plan - {seed.Title}");
            var linked = commitments.Where(c => seed.Priorities.Contains(c.Priority.Number)).OrderBy(c => c.Priority.Number).ThenBy(c => c.Number).ToList();
            var number = 0;
            foreach (var stage in Enum.GetValues<FourPStage>())
            {
                var templates = Templates[stage];
                for (var i = 0; i < templates.Length; i++)
                {
                    number++;
                    counter++;
                    var topic = seed.Topics[(i + (int)stage * 2) % seed.Topics.Length];
                    var text = string.Format(Domain.Common.EnGb.Culture, templates[i], seed.Subject, topic);
                    var task = delivery.AddTask(stage, number, char.ToUpperInvariant(text[0]) + text[1..], Launch, "demo");
                    var owner = seed.Owners[(number + s) % seed.Owners.Length];
                    var due = TaskDueParser.Parse(Dues[(number * 7 + s) % Dues.Length]).Due;
                    task.Describe(task.Text, $"Progress on {topic} is reported to the strand meeting; measured by activity logs and outcomes.", owner, null, due);
                    if (number % 9 == 4 && number > 4)
                    {
                        task.SetLinks([number - 3]);
                    }

                    if (linked.Count > 0 && number % 4 == 1)
                    {
                        task.SetCommitments([linked[(number / 4) % linked.Count]]);
                    }

                    Progress(task, s, number, atRisk, today);
                }
            }

            if (seed.Owners.Contains(""))
            {
                settings.Progress($"Delivery plan: {strand.Title} has tasks with no owner, as real plans do");
            }
        }

        db.Strategies.Add(strategy);
        await db.SaveChangesAsync(ct);
        settings.Progress($"Crime prevention strategy: {strategy.Strands.Count} strands, {counter} delivery-plan tasks, {atRisk.Count} at risk");

        if (settings.FilesFolder is not null)
        {
            Directory.CreateDirectory(settings.FilesFolder);
            foreach (var strand in strategy.Strands)
            {
                var name = $"delivery-plan-{strand.Position}-{Slug(strand.Title)}.xlsx";
                await using var stream = File.Create(Path.Combine(settings.FilesFolder, name));
                XlsxWriter.Write(stream, DeliveryExport.Sheets([strand]));
            }

            settings.Progress($"Delivery-plan workbooks written to {settings.FilesFolder}");
        }
    }

    /// <summary>A deterministic history: started in the plan's first year, completed in a spread of quarters up to today.</summary>
    private static void Progress(DeliveryTask task, int strand, int number, Dictionary<(int, int), (string Risk, string Mitigation)> atRisk, DateOnly today)
    {
        var h = ((strand * 37) + (number * 11)) % 100;
        var started = Launch.AddDays(30 + (h * 5));
        if (h >= 94 && !atRisk.ContainsKey((strand, number)))
        {
            return;
        }

        task.ChangeStatus(DeliveryTaskStatus.Ongoing, started, "demo");
        if (atRisk.TryGetValue((strand, number), out var risk))
        {
            task.ChangeStatus(DeliveryTaskStatus.AtRisk, new DateOnly(2023, 11, 15), "demo", risk.Risk, risk.Mitigation);
            task.RecordQuarter(new FinancialQuarter(new FinancialYear(2023), 4), [], [risk.Mitigation]);
            return;
        }

        if (h < 48)
        {
            var done = started.AddDays(120 + (h * 9));
            if (done < today)
            {
                task.ChangeStatus(DeliveryTaskStatus.Complete, done, "demo");
                var quarter = FinancialQuarter.Of(done);
                if (quarter >= FirstReported)
                {
                    task.RecordQuarter(quarter, [$"Completed: {Lower(task.Text)}"], []);
                }

                return;
            }
        }

        if (number % 5 == 0)
        {
            // The rounds of 2023/24 report on every quarter from Q1: each quarter's report has delivery to show.
            for (var q = FirstReported; q < new FinancialQuarter(new FinancialYear(2023), 3); q = q.Next)
            {
                if (started <= q.FirstDay)
                {
                    task.RecordQuarter(q, [$"Work continued on {Lower(task.Text)} (Q{q.Quarter})"], [$"Next steps for {Lower(task.Text)} agreed at the strand meeting"]);
                }
            }

            var q3 = new FinancialQuarter(new FinancialYear(2023), 3);
            task.RecordQuarter(q3, [$"Work continued on {Lower(task.Text)}"], [$"Next steps agreed for {Lower(task.Text)}"]);
            task.RecordQuarter(q3.Next, [$"Progress reviewed at the strand meeting"], [$"Report on {Lower(task.Text)} to the quarterly board"]);
        }
    }

    private static string Lower(string text) => char.ToLowerInvariant(text[0]) + text[1..];

    private static string Slug(string title) =>
        string.Join('-', title.ToLowerInvariant().Split(' ', ',', '-').Where(w => w.Length > 0 && w != "and"));
}
