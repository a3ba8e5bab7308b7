using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Demo;
using Scrutineer.Application.Reports;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Reports;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Testing;
using Scrutineer.Web.Tests;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>
/// The need-to-know canary. A unique token is planted in every OFFICIAL-SENSITIVE field of every record (update and
/// strand narrative commentary, reviewers' comments, every history revision, delivery task notes) and another in the
/// OFFICIAL text of every update and strand narrative that is not approved (drafts, submitted and returned text, and
/// earlier revisions). Then every GET
/// route of the route table is crawled as anonymous and as each account, following links with real identities, and
/// every token found is checked against the rule written out here independently of the application: sensitive text
/// only to those holding the permission and, for contributors and reviewers, only in their scope; unapproved text only
/// to those in scope. Every response holding a sensitive token must be marked OFFICIAL-SENSITIVE. A GET route the crawl
/// never reached fails the test, so a new page is covered without anyone remembering to add it.
/// </summary>
public sealed partial class NeedToKnowCanaryTests(DemoSite site) : IClassFixture<DemoSite>
{
    /// <summary>A viewer an administrator has cleared to read OFFICIAL-SENSITIVE text (the test adds it).</summary>
    private const string ClearedViewer = "viewer.cleared";

    /// <summary>A reviewer scoped to one crime prevention strand (the test adds it).</summary>
    private const string StrandReviewer = "reviewer.strand";

    private const int PagesPerPrincipal = 160;

    private static readonly string[] Principals =
        ["anonymous", "admin", "analyst", "contributor.north", "contributor.scd", "reviewer", "reviewer.roads", "viewer", ClearedViewer, StrandReviewer, "lead.strand", "reviewer.strategy"];

    [Fact]
    public async Task EveryRoute_EveryPrincipal_ShowsEachTokenExactlyWhereAllowed()
    {
        var world = await PlantAsync();
        var ids = await DemoIds.ReadAsync(site.Db);
        var templates = RouteTable.GetRoutes(site.Factory.Services);
        var seeds = Seeds(templates, ids);

        var findings = new List<string>();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var principal in Principals)
        {
            var client = principal == "anonymous" ? site.Anonymous() : await site.SignInAsync(principal);
            var reader = world.Readers.GetValueOrDefault(principal);
            seen[principal] = [];
            var queue = new Queue<string>(seeds);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            while (queue.Count > 0 && visited.Count < PagesPerPrincipal)
            {
                var path = queue.Dequeue();
                if (!visited.Add(path))
                {
                    continue;
                }

                using var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    continue;
                }

                reached.Add(TemplateOf(path, templates));
                var (text, isHtml) = await ReadAsync(response);
                var tokens = Tokens().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
                foreach (var token in tokens)
                {
                    seen[principal].Add(token);
                    if (reader is null || !world.Allows(reader, token))
                    {
                        findings.Add($"{principal} read {token} ({world.Describe(token)}) on {path}");
                    }
                }

                if (tokens.Any(t => t.StartsWith("CANARYS", StringComparison.Ordinal)) && !MarkedSensitive(response, text, isHtml))
                {
                    findings.Add($"{path} as {principal} shows OFFICIAL-SENSITIVE text but is not marked OFFICIAL-SENSITIVE");
                }

                if (isHtml)
                {
                    foreach (var link in Links(text).Where(l => !visited.Contains(l)))
                    {
                        queue.Enqueue(link);
                    }
                }
            }
        }

        var unreached = templates.Where(t => !reached.Contains(t) && !Unreadable.Contains(t)).ToList();
        Assert.True(unreached.Count == 0, "GET routes the crawl never reached with a 200 (give the crawl a way in, in Seeds):\n" + string.Join('\n', unreached));
        Assert.True(findings.Count == 0, $"{findings.Count} need-to-know failures:\n" + string.Join('\n', findings.Take(60)));

        // The crawl must also find what each cleared reader is allowed to see, or it proves nothing.
        foreach (var principal in new[] { "admin", "analyst", "contributor.scd", "reviewer", ClearedViewer })
        {
            Assert.True(seen[principal].Any(t => t.StartsWith("CANARYSU", StringComparison.Ordinal)), $"{principal} was shown no sensitive commentary at all");
        }

        Assert.True(seen["analyst"].Any(t => t.StartsWith("CANARYST", StringComparison.Ordinal)), "the analyst was shown no sensitive task note");
        Assert.True(seen["contributor.north"].Any(t => t.StartsWith("CANARYDU", StringComparison.Ordinal)), "North's contributor was shown none of its own drafts");
        Assert.True(seen["lead.strand"].Any(t => t.StartsWith("CANARYSN", StringComparison.Ordinal)), "the strand lead was shown no sensitive narrative of its own strands");
        Assert.True(seen["lead.strand"].Any(t => t.StartsWith("CANARYDN", StringComparison.Ordinal)), "the strand lead was shown none of its own unapproved narratives");
        Assert.True(seen["reviewer.strategy"].Any(t => t.StartsWith("CANARYDN", StringComparison.Ordinal)), "the strategy reviewer was shown no submitted narrative");
        Assert.True(seen["analyst"].Any(t => t.StartsWith("CANARYSN", StringComparison.Ordinal)), "the analyst was shown no sensitive narrative");
        Assert.DoesNotContain(seen["viewer"], t => t.StartsWith("CANARYS", StringComparison.Ordinal) || t.StartsWith("CANARYD", StringComparison.Ordinal));
    }

    /// <summary>
    /// PDF, which the crawl leaves out for time: every report kind of the catalogue in PDF, in each version, for the
    /// published round. The public version (every signed-in reader may have it) holds no sensitive and no unapproved
    /// token; the full version holds no unapproved token, and is marked OFFICIAL-SENSITIVE on every page when it holds
    /// sensitive ones. Its audience (analysts, administrators, cleared viewers) may read every sensitive token.
    /// </summary>
    [Fact]
    public async Task EveryReportInPdf_EachVersion_HoldsOnlyWhatItsReadersMayRead()
    {
        await PlantAsync();
        await using var db = site.Db();
        var round = await db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Published).OrderByDescending(r => r.Id).FirstAsync();
        var findings = new List<string>();
        foreach (var entry in ReportCatalogue.All.Where(e => e.Format == ReportFormat.Pdf))
        {
            var reader = entry.Version == ReportVersion.Full ? Reader.Operator : Reader.Public;
            using var output = new MemoryStream();
            try
            {
                await ReportCatalogue.WriteAsync(db, entry, round.Period, reader, site.Clock.GetUtcNow(), output);
            }
            catch (Scrutineer.Domain.Common.DomainException ex)
            {
                // A report the store cannot build yet (for example a closure report before the plan's last year) holds nothing.
                Assert.DoesNotContain("CANARY", ex.Message, StringComparison.Ordinal);
                continue;
            }

            var pages = await PdfText.PagesAsync(output.ToArray());
            var text = string.Join('\n', pages);
            var tokens = Tokens().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
            var wrong = tokens.Where(t => t.StartsWith("CANARYD", StringComparison.Ordinal) || (entry.Version == ReportVersion.Public && t.StartsWith("CANARYS", StringComparison.Ordinal))).ToList();
            if (wrong.Count > 0)
            {
                findings.Add($"{entry.FileName(round.Period)} holds {string.Join(", ", wrong.Take(5))}");
            }

            var marking = tokens.Any(t => t.StartsWith("CANARYS", StringComparison.Ordinal)) ? "OFFICIAL-SENSITIVE" : "OFFICIAL";
            var unmarked = pages.Select((page, i) => (page, i)).Where(p => !p.page.Contains(marking, StringComparison.Ordinal)).Select(p => p.i + 1).ToList();
            if (unmarked.Count > 0 || (marking == "OFFICIAL" && text.Contains("OFFICIAL-SENSITIVE", StringComparison.Ordinal) && entry.Version == ReportVersion.Public))
            {
                findings.Add($"{entry.FileName(round.Period)} is not marked {marking} on every page (pages {string.Join(", ", unmarked.Take(5))})");
            }
        }

        Assert.True(findings.Count == 0, string.Join('\n', findings));
    }

    /// <summary>
    /// GET routes the crawl does not need to reach: the access-denied page (403 by design), signing out, the second
    /// sign-in step (it opens only within minutes of a right password, before any session, and shows no data), and the
    /// start of single sign-on (a redirect to the identity provider; 404 where single sign-on is off).
    /// </summary>
    private static readonly HashSet<string> Unreadable = new(StringComparer.Ordinal) { "/account/access-denied", "/account/sign-out", "/account/two-step", "/account/sign-in/sso" };

    /// <summary>Where the crawl starts: every parameterless GET route, and real identities for those with parameters.</summary>
    private static List<string> Seeds(IReadOnlyList<string> templates, DemoIds d)
    {
        var filled = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["/priorities/commitments/{id:int}"] = [$"/priorities/commitments/{d.Commitment}"],
            // Every planted token begins "CANARY": the search finds each one the account may read, and must find no other.
            ["/search"] = ["/search?q=canary"],
            ["/strategy/tasks/{id:int}"] = [$"/strategy/tasks/{d.Task}", $"/strategy/tasks/{d.TaskInAnotherStrand}"],
            ["/reports/check/{round:int}"] = [$"/reports/check/{d.OpenRound}"],
            ["/updates/write/{roundId:int}/{commitmentId:int}/{unitId:int}"] =
                [$"/updates/write/{d.OpenRound}/{d.NorthSlot.Commitment}/{d.NorthSlot.Unit}", $"/updates/write/{d.OpenRound}/{d.ScdSlot.Commitment}/{d.ScdSlot.Unit}"],
            ["/review/{id:int}"] = [$"/review/{d.UpdateOnPriorityUpTo6}", $"/review/{d.UpdateOnPriority9}"],
            ["/updates/narratives/{roundId:int}/{strandId:int}"] = [$"/updates/narratives/{d.OpenRound}/{d.Strand}", $"/updates/narratives/{d.OpenRound}/{d.StrandLedWithNarrativeUnapproved}", $"/updates/narratives/{d.OpenRound}/{d.StrandNotLed}"],
            ["/review/narratives/{id:int}"] = [$"/review/narratives/{d.NarrativeOfStrand}", $"/review/narratives/{d.NarrativeSubmitted}", $"/review/narratives/{d.NarrativeOfAnotherStrand}"],
            ["/rounds/{id:int}"] = [$"/rounds/{d.OpenRound}", $"/rounds/{d.ClosedRound}", $"/rounds/{d.PublishedRound}"],
            ["/rounds/{id:int}/outstanding.csv"] = [$"/rounds/{d.OpenRound}/outstanding.csv"],
            ["/rounds/updates/{id:int}"] = [$"/rounds/updates/{d.UpdateOnPriority9}", $"/rounds/updates/{d.UpdateOnPriorityUpTo6}"],
            ["/admin/users/{id:int?}"] = ["/admin/users", $"/admin/users/{d.ViewerAccount}"],
            ["/admin/users/{id:int}/sessions"] = [$"/admin/users/{d.ViewerAccount}/sessions"],
            ["/api/plans/{planId:int}/commitments"] = [$"/api/plans/{d.Plan}/commitments"],
            ["/api/observations"] = ["/api/observations?measure=All%20crime"],
            ["/api/updates"] = ["/api/updates", $"/api/updates?roundId={d.OpenRound}", $"/api/updates?roundId={d.PublishedRound}"],

            // Every report of the catalogue, in each version and each format but PDF, for a published and a closed round.
            ["/reports/download"] =
            [
                .. from kind in ReportCatalogue.Kinds
                   from format in Enum.GetValues<ReportFormat>().Where(f => f != ReportFormat.Pdf)
                   from version in new[] { "full", "public" }
                   from round in new[] { d.PublishedRound, d.ClosedRound }
                   select $"/reports/download?report={kind.Slug}&round={round}&format={format.ToString().ToLowerInvariant()}&version={version}",
            ],
        };
        var seeds = new List<string>();
        foreach (var template in templates)
        {
            if (filled.TryGetValue(template, out var paths))
            {
                seeds.AddRange(paths);
            }
            else if (!template.Contains('{', StringComparison.Ordinal))
            {
                seeds.Add(template);
            }
            else
            {
                Assert.Fail($"The GET route {template} has parameters the canary cannot fill: add real identities for it to NeedToKnowCanaryTests.Seeds.");
            }
        }

        return seeds.Where(s => !Skipped(s)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Links the crawl does not follow: sign-out (ends the session), static files, PDF (the report catalogue test renders those).</summary>
    private static bool Skipped(string path) =>
        path.StartsWith("/account/sign-out", StringComparison.OrdinalIgnoreCase)
        || path.StartsWith("/govuk", StringComparison.Ordinal) || path.StartsWith("/assets", StringComparison.Ordinal)
        || path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".js", StringComparison.Ordinal)
        || path.Contains("format=pdf", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> Links(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Select(l => l.Split('#')[0])
            .Where(l => l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal) && !Skipped(l));

    private static string TemplateOf(string path, IReadOnlyList<string> templates)
    {
        var bare = path.Split('?')[0];
        foreach (var template in templates)
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]*\}", "[^/]*") + "$";
            if (Regex.IsMatch(bare, pattern, RegexOptions.IgnoreCase))
            {
                return template;
            }
        }

        return bare;
    }

    private static bool MarkedSensitive(HttpResponseMessage response, string text, bool isHtml)
    {
        if (isHtml)
        {
            return text.Contains("data-classification=\"OFFICIAL-SENSITIVE\"", StringComparison.Ordinal)
                && Regex.Matches(text, "OFFICIAL-SENSITIVE</div>").Count >= 2;
        }

        return response.Headers.TryGetValues("X-Classification", out var values) && values.Contains("OFFICIAL-SENSITIVE")
            || text.Contains("OFFICIAL-SENSITIVE", StringComparison.Ordinal);
    }

    /// <summary>The response as text: pages, JSON and CSV as they are; a DOCX as the text of its parts.</summary>
    private static async Task<(string Text, bool IsHtml)> ReadAsync(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (type.Contains("wordprocessingml", StringComparison.Ordinal))
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            var text = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(Regex.Replace(await reader.ReadToEndAsync(), "<[^>]+>", ""));
            }

            return (text.ToString(), false);
        }

        // A page of the application (not a downloaded HTML report, which carries its own markings).
        var isPage = type == "text/html" && response.Content.Headers.ContentDisposition is null;
        return (Encoding.UTF8.GetString(bytes), isPage);
    }

    /// <summary>Plants the tokens and the two extra accounts; returns what the rule needs to judge each token.</summary>
    private async Task<World> PlantAsync()
    {
        await using var db = site.Db();
        var hash = DemoAccounts.All.Single(a => a.UserName == "viewer").PasswordHash;
        var planted = await db.Accounts.AnyAsync(a => a.UserName == ClearedViewer);
        if (!planted)
        {
            var cleared = new UserAccount(ClearedViewer, "Cleared Viewer", Role.Viewer, hash, site.Clock.GetUtcNow());
            cleared.AllowSensitive(true);
            db.Accounts.Add(cleared);
            var strand = await db.DeliveryTasks.OrderBy(t => t.Id).Select(t => t.Plan.StrandId).FirstAsync();
            db.Accounts.Add(new UserAccount(StrandReviewer, "Strand Reviewer", Role.Reviewer, hash, site.Clock.GetUtcNow(), [new AccountScope(ScopeKind.Strand, strand)]));
            await db.SaveChangesAsync();

            // Both tests of the class plant on one demo site: the second finds the tokens in place.
            foreach (var sql in new[]
            {
                """UPDATE "Updates" SET "SensitiveCommentary" = 'CANARYSU' || CAST("Id" AS TEXT) || 'Z'""",
                """UPDATE "Updates" SET "SensitiveReviewerComment" = 'CANARYSC' || CAST("Id" AS TEXT) || 'Z' WHERE "Reviewer" IS NOT NULL""",
                """UPDATE "Updates" SET "Commentary" = "Commentary" || ' CANARYDU' || CAST("Id" AS TEXT) || 'Z' WHERE "State" <> 'Approved'""",
                """UPDATE "UpdateRevisions" SET "SensitiveCommentary" = 'CANARYSH' || CAST("UpdateId" AS TEXT) || 'Z', "SensitiveComment" = 'CANARYSH' || CAST("UpdateId" AS TEXT) || 'Z'""",
                """UPDATE "UpdateRevisions" SET "Commentary" = "Commentary" || ' CANARYDH' || CAST("UpdateId" AS TEXT) || 'Z' WHERE "Sequence" < (SELECT MAX(r."Sequence") FROM "UpdateRevisions" r WHERE r."UpdateId" = "UpdateRevisions"."UpdateId")""",
                """UPDATE "DeliveryTasks" SET "SensitiveNote" = 'CANARYST' || CAST("Id" AS TEXT) || 'Z'""",
                """UPDATE "StrandNarratives" SET "SensitiveCommentary" = 'CANARYSN' || CAST("Id" AS TEXT) || 'Z'""",
                """UPDATE "StrandNarratives" SET "SensitiveReviewerComment" = 'CANARYSM' || CAST("Id" AS TEXT) || 'Z' WHERE "Reviewer" IS NOT NULL""",
                """UPDATE "StrandNarratives" SET "Commentary" = "Commentary" || ' CANARYDN' || CAST("Id" AS TEXT) || 'Z' WHERE "State" <> 'Approved'""",
                """UPDATE "StrandNarrativeRevisions" SET "SensitiveCommentary" = 'CANARYSR' || CAST("NarrativeId" AS TEXT) || 'Z', "SensitiveComment" = 'CANARYSR' || CAST("NarrativeId" AS TEXT) || 'Z'""",
                """UPDATE "StrandNarrativeRevisions" SET "Commentary" = "Commentary" || ' CANARYDR' || CAST("NarrativeId" AS TEXT) || 'Z' WHERE "Sequence" < (SELECT MAX(r."Sequence") FROM "StrandNarrativeRevisions" r WHERE r."NarrativeId" = "StrandNarrativeRevisions"."NarrativeId")""",
            })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        var updates = await db.Updates.AsNoTracking()
            .Select(u => new { u.Id, u.UnitId, u.Commitment.PriorityId, u.State })
            .ToDictionaryAsync(u => u.Id, u => (u.UnitId, u.PriorityId, u.State));
        var tasks = await db.DeliveryTasks.AsNoTracking().Select(t => new { t.Id, t.Plan.StrandId }).ToDictionaryAsync(t => t.Id, t => t.StrandId);
        var narratives = await db.StrandNarratives.AsNoTracking().Select(n => new { n.Id, n.StrandId, n.State }).ToDictionaryAsync(n => n.Id, n => (n.StrandId, n.State));
        var readers = (await db.Accounts.AsNoTracking().ToListAsync())
            .ToDictionary(a => a.UserName, a => new Clearance(a.Role, a.UnitIds.ToHashSet(), a.PriorityIds.ToHashSet(), a.StrandIds.ToHashSet(), a.ReadsSensitive), StringComparer.Ordinal);
        readers["anonymous"] = new Clearance(Role.Viewer, [], [], [], false) { Anonymous = true };
        return new World(updates, tasks, readers) { Narratives = narratives };
    }

    /// <summary>What a principal holds, as the rule below judges it.</summary>
    private sealed record Clearance(Role Role, HashSet<int> Units, HashSet<int> Priorities, HashSet<int> Strands, bool ReadsSensitive)
    {
        public bool Anonymous { get; init; }
    }

    /// <summary>
    /// The rule, written out from the issue rather than taken from the application: unapproved text to those in scope
    /// (analysts and administrators, the writing unit's contributors, reviewers of the priority); sensitive text to those
    /// holding the permission — force-wide for analysts, administrators and cleared viewers (on approved updates for
    /// viewers), in scope for contributors and reviewers; task notes force-wide or to the strand's lead and reviewers. A
    /// strand narrative's scope is its strand: the contributor leading it and the reviewers holding it.
    /// </summary>
    private sealed record World(
        Dictionary<int, (int Unit, int Priority, UpdateState State)> Updates,
        Dictionary<int, int> Tasks,
        Dictionary<string, Clearance> Readers)
    {
        /// <summary>Strand narratives: identity → strand and state.</summary>
        public Dictionary<int, (int Strand, UpdateState State)> Narratives { get; init; } = [];

        public bool Allows(Clearance who, string token)
        {
            if (who.Anonymous)
            {
                return false;
            }

            var (kind, id) = (token[6..8], int.Parse(token[8..^1], CultureInfo.InvariantCulture));
            var forceWide = who.Role is Role.Administrator or Role.Analyst;
            if (kind == "ST")
            {
                return who.ReadsSensitive && Tasks.TryGetValue(id, out var strand)
                    && (forceWide || who.Role == Role.Viewer || (who.Role is Role.Contributor or Role.Reviewer && who.Strands.Contains(strand)));
            }

            if (kind is "SN" or "SM" or "SR" or "DN" or "DR")
            {
                if (!Narratives.TryGetValue(id, out var narrative))
                {
                    return false;
                }

                var leadsOrReviews = forceWide || (who.Role is Role.Contributor or Role.Reviewer && who.Strands.Contains(narrative.Strand));
                return kind is "DN" or "DR"
                    ? leadsOrReviews
                    : who.ReadsSensitive && (leadsOrReviews || (who.Role == Role.Viewer && narrative.State == UpdateState.Approved));
            }

            if (!Updates.TryGetValue(id, out var update))
            {
                return false;
            }

            var inScope = forceWide
                || (who.Role == Role.Contributor && who.Units.Contains(update.Unit))
                || (who.Role == Role.Reviewer && who.Priorities.Contains(update.Priority));
            return kind switch
            {
                "DU" or "DH" => inScope,
                "SU" or "SC" or "SH" => who.ReadsSensitive && (inScope || (who.Role == Role.Viewer && update.State == UpdateState.Approved)),
                _ => false,
            };
        }

        public string Describe(string token)
        {
            var id = int.Parse(token[8..^1], CultureInfo.InvariantCulture);
            return token[6..8] == "ST"
                ? $"task {id}"
                : token[6..8] is "SN" or "SM" or "SR" or "DN" or "DR"
                ? Narratives.TryGetValue(id, out var n) ? $"strand narrative {id}, strand {n.Strand}, {n.State}" : $"narrative {id}"
                : Updates.TryGetValue(id, out var u) ? $"update {id}, unit {u.Unit}, priority id {u.Priority}, {u.State}" : $"record {id}";
        }
    }

    [GeneratedRegex("CANARY(?:SU|SC|SH|ST|DU|DH|SN|SM|SR|DN|DR)[0-9]+Z")]
    private static partial Regex Tokens();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();
}
