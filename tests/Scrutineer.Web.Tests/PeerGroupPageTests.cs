using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;

namespace Scrutineer.Web.Tests;

/// <summary>
/// Analysts keep the peer group and harm weights on the web: the default group edited on <c>/data/peers</c> through the
/// rule behind <c>peers add|end</c>, peer and harm files uploaded on <c>/data</c>, and harm beside counts on <c>/insights</c>.
/// </summary>
public sealed class PeerGroupPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static readonly ReportingMonth To = new(2024, 3);

    private static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Puts a second and a third force in the demo store (the demo holds Essex Police alone).</summary>
    private async Task AddForcesAsync()
    {
        await using var db = site.Db();
        if (!await db.Areas.AnyAsync(a => a.Name == "Kent Police"))
        {
            await new AreaMappingImport(db).ImportAsync(Temp("lsoa,district,lpa,force\nKentLA,Kent district,,Kent Police\nHertsLA,Herts district,,Hertfordshire Constabulary\n"));
        }
    }

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task PeerGroup_AnalystAddsAndEnds_DatedTableAuditedAndRefusalsExplained()
    {
        await AddForcesAsync();
        var analyst = await site.SignInAsync("analyst");
        var page = Decoded(await analyst.GetStringAsync("/data/peers"));
        Assert.Contains("Peer group of Essex Police", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Kent Police\">Kent Police</option>", page, StringComparison.Ordinal);

        var empty = Decoded(await (await DemoSite.PostFormAsync(analyst, "/data/peers", new() { ["AddPeer"] = "", ["AddFrom.Day"] = "", ["AddFrom.Month"] = "", ["AddFrom.Year"] = "" }, "/data/peers?handler=Add")).Content.ReadAsStringAsync());
        Assert.Contains("govuk-error-summary", empty, StringComparison.Ordinal);
        Assert.Contains("Select the force to add", empty, StringComparison.Ordinal);
        Assert.Contains("Enter the first day in the group", empty, StringComparison.Ordinal);
        Assert.True(empty.IndexOf("Select the force to add", StringComparison.Ordinal) < empty.IndexOf("Enter the first day in the group", StringComparison.Ordinal), "errors in field order");

        var added = await DemoSite.PostFormAsync(analyst, "/data/peers", new() { ["AddPeer"] = "Kent Police", ["AddFrom.Day"] = "1", ["AddFrom.Month"] = "4", ["AddFrom.Year"] = "2020" }, "/data/peers?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = Decoded(await analyst.GetStringAsync("/data/peers"));
        Assert.Contains("Kent Police is in Essex Police's peer group from 1 April 2020.", after, StringComparison.Ordinal);
        var table = Regex.Match(after, "<table class=\"govuk-table\" id=\"peer-group\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches(new Regex("Kent Police</th>\\s*<td class=\"govuk-table__cell\">1 April 2020</td>\\s*<td class=\"govuk-table__cell\">Current</td>"), table);

        var twice = Decoded(await (await DemoSite.PostFormAsync(analyst, "/data/peers", new() { ["AddPeer"] = "Kent Police", ["AddFrom.Day"] = "1", ["AddFrom.Month"] = "5", ["AddFrom.Year"] = "2021" }, "/data/peers?handler=Add")).Content.ReadAsStringAsync());
        Assert.Contains("Kent Police is already in Essex Police's peer group (since 1 April 2020).", twice, StringComparison.Ordinal);

        var early = Decoded(await (await DemoSite.PostFormAsync(analyst, "/data/peers", new() { ["EndPeer"] = "Kent Police", ["EndOn.Day"] = "31", ["EndOn.Month"] = "3", ["EndOn.Year"] = "2019" }, "/data/peers?handler=End")).Content.ReadAsStringAsync());
        Assert.Contains("Kent Police joined Essex Police's peer group on 1 April 2020: it cannot leave before then.", early, StringComparison.Ordinal);

        var badDate = Decoded(await (await DemoSite.PostFormAsync(analyst, "/data/peers", new() { ["EndPeer"] = "Kent Police", ["EndOn.Day"] = "31", ["EndOn.Month"] = "2", ["EndOn.Year"] = "2023" }, "/data/peers?handler=End")).Content.ReadAsStringAsync());
        Assert.Contains("The last day in the group must be a real date, such as 27 3 2024", badDate, StringComparison.Ordinal);

        var ended = await DemoSite.PostFormAsync(analyst, "/data/peers", new() { ["EndPeer"] = "Kent Police", ["EndOn.Day"] = "31", ["EndOn.Month"] = "3", ["EndOn.Year"] = "2023" }, "/data/peers?handler=End");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("Kent Police leaves Essex Police's peer group after 31 March 2023.", Decoded(await analyst.GetStringAsync("/data/peers")), StringComparison.Ordinal);

        await using var db = site.Db();
        var links = await db.PeerLinks.Include(l => l.Peer).Where(l => l.Force.Name == "Essex Police" && l.Peer.Name == "Kent Police").ToListAsync();
        var link = Assert.Single(links);
        Assert.Equal((new DateOnly(2020, 4, 1), (DateOnly?)new DateOnly(2023, 3, 31)), (link.From, link.To));
        // The same rule as the command line: the group on a day after the end no longer holds Kent.
        Assert.Empty(await PeerGroups.OnAsync(db, link.ForceId, new DateOnly(2024, 1, 1)));
        Assert.Contains(await db.AuditEntries.Where(e => e.Entity == "PeerLinks").ToListAsync(), e => e.Actor.StartsWith("analyst (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PeerGroup_AnotherForceChosen_ItsGroupEdited_ALinkMadeByMistakeRemoved()
    {
        await AddForcesAsync();
        var analyst = await site.SignInAsync("analyst");
        var chooser = Decoded(await analyst.GetStringAsync("/data/peers"));
        Assert.Contains("<option value=\"Hertfordshire Constabulary\">Hertfordshire Constabulary</option>", chooser, StringComparison.Ordinal);

        var added = await DemoSite.PostFormAsync(analyst, "/data/peers?force=Hertfordshire", new() { ["force"] = "Hertfordshire", ["AddPeer"] = "Kent Police", ["AddFrom.Day"] = "1", ["AddFrom.Month"] = "4", ["AddFrom.Year"] = "2026" }, "/data/peers?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var herts = Decoded(await analyst.GetStringAsync(added.Headers.Location!.OriginalString));
        Assert.Contains("Peer group of Hertfordshire Constabulary", herts, StringComparison.Ordinal);
        Assert.Contains("Kent Police is in Hertfordshire Constabulary's peer group from 1 April 2026.", herts, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Kent Police|2026-04-01\">Kent Police, from 1 April 2026</option>", herts, StringComparison.Ordinal);

        var unknown = Decoded(await analyst.GetStringAsync("/data/peers?force=Narnia"));
        Assert.Contains("govuk-error-summary", unknown, StringComparison.Ordinal);
        Assert.Contains("No force called 'Narnia'.", unknown, StringComparison.Ordinal);

        var none = Decoded(await (await DemoSite.PostFormAsync(analyst, "/data/peers?force=Hertfordshire", new() { ["force"] = "Hertfordshire", ["RemoveLink"] = "" }, "/data/peers?handler=Remove")).Content.ReadAsStringAsync());
        Assert.Contains("Select the link to remove", none, StringComparison.Ordinal);
        var removed = await DemoSite.PostFormAsync(analyst, "/data/peers?force=Hertfordshire", new() { ["force"] = "Hertfordshire Constabulary", ["RemoveLink"] = "Kent Police|2026-04-01" }, "/data/peers?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var after = Decoded(await analyst.GetStringAsync(removed.Headers.Location!.OriginalString));
        Assert.Contains("Kent Police's place in Hertfordshire Constabulary's peer group from 1 April 2026 is removed, as if it had never been added.", after, StringComparison.Ordinal);
        Assert.Contains("Hertfordshire Constabulary has no peer group yet.", after, StringComparison.Ordinal);

        await using var db = site.Db();
        Assert.False(await db.PeerLinks.AnyAsync(l => l.Force.Name == "Hertfordshire Constabulary"));
        Assert.Contains(await db.AuditEntries.Where(e => e.Entity == "PeerLinks").ToListAsync(), e => e.Action == Scrutineer.Application.Audit.AuditAction.Deleted && e.Actor.StartsWith("analyst (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PeerGroup_NotAnAnalyst_Refused()
    {
        var viewer = await site.SignInAsync("viewer");

        var response = await viewer.GetAsync("/data/peers");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Uploads_PeersAndHarmFiles_ImportedWithSkippedRowsReported()
    {
        await AddForcesAsync();
        var analyst = await site.SignInAsync("analyst");

        var peers = await DemoSite.UploadAsync(analyst, "Peers", ("peers.csv", Encoding.UTF8.GetBytes("force,peer,from,to\nEssex,Hertfordshire,2015-01-01,\nEssex,Narnia Police,2015-01-01,\n")));
        var peersHtml = Decoded(await peers.Content.ReadAsStringAsync());
        Assert.Contains("id=\"import-result\"", peersHtml, StringComparison.Ordinal);
        Assert.Contains(">peers.csv:3: peer", peersHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("scrutineer-upload-", peersHtml, StringComparison.Ordinal); // never the server's folder
        Assert.Contains("The row was skipped.", peersHtml, StringComparison.Ordinal);

        var harm = await DemoSite.UploadAsync(analyst, "Harm", ("weights.csv", Encoding.UTF8.GetBytes("force,crime_type,cchi_days\n,Residential burglary,245.91\nEssex,Residential burglary,250.5\nAtlantis,Residential burglary,1\n")));
        var harmHtml = Decoded(await harm.Content.ReadAsStringAsync());
        Assert.Contains("id=\"import-result\"", harmHtml, StringComparison.Ordinal);
        Assert.Contains("Cambridge Crime Harm Index", harmHtml, StringComparison.Ordinal);
        Assert.Contains(">weights.csv:4: force", harmHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("scrutineer-upload-", harmHtml, StringComparison.Ordinal);

        var bad = await DemoSite.UploadAsync(analyst, "Harm", ("weights.csv", Encoding.UTF8.GetBytes("force,crime_type,cchi_days\n,Residential burglary,lots\n")));
        var badHtml = Decoded(await bad.Content.ReadAsStringAsync());
        Assert.Contains("govuk-error-summary", badHtml, StringComparison.Ordinal);
        Assert.Contains("weights.csv:2", badHtml, StringComparison.Ordinal);

        await using var db = site.Db();
        Assert.True(await db.PeerLinks.AnyAsync(l => l.Force.Name == "Essex Police" && l.Peer.Name == "Hertfordshire Constabulary" && l.To == null));
        var weight = await db.HarmWeights.SingleAsync(w => w.Force!.Name == "Essex Police" && w.CrimeType == "Residential burglary");
        Assert.Equal(250.5m, weight.Days);

        // Harm beside counts on the main insights page: Essex's own weight × its count over the 12 months, from the store.
        var from = To.Plus(-11);
        var count = await db.Observations.Where(o => o.Area.Name == "Essex Police" && o.Measure.Name == "Residential burglary" && o.Kind == PeriodKind.Month && o.Period >= from && o.Period <= To)
            .SumAsync(o => o.Value);
        var viewer = await site.SignInAsync("viewer");
        var insights = Decoded(await viewer.GetStringAsync($"/insights?measure=Residential%20burglary&area=Essex%20Police&to={To}"));
        var table = Regex.Match(insights, "<table class=\"govuk-table app-table--compact\" id=\"harm\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Residential burglary, Essex Police, the 12 months April 2023 to March 2024", table, StringComparison.Ordinal);
        Assert.Contains($">{((long)count).ToString("N0", CultureInfo.GetCultureInfo("en-GB"))}<", table, StringComparison.Ordinal);
        Assert.Contains($">{(count * 250.5m).ToString("N2", CultureInfo.GetCultureInfo("en-GB"))}<", table, StringComparison.Ordinal);
        Assert.Contains("Harm = count × Cambridge Crime Harm Index weight in days", insights, StringComparison.Ordinal);

        // A second index that does not weigh the measure stands beside the first and says so, rather than a total of other types.
        var second = await DemoSite.UploadAsync(analyst, "Harm", ("severity.csv", Encoding.UTF8.GetBytes("force,crime_type,css_days\n,Robbery,10\n")));
        Assert.Contains("CSS: 1 weight written", Decoded(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var both = Decoded(await viewer.GetStringAsync($"/insights?measure=Residential%20burglary&area=Essex%20Police&to={To}"));
        var bothTable = Regex.Match(both, "<table class=\"govuk-table app-table--compact\" id=\"harm\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($">{(count * 250.5m).ToString("N2", CultureInfo.GetCultureInfo("en-GB"))}<", bothTable, StringComparison.Ordinal);
        Assert.Contains("This index does not weigh Residential burglary.", bothTable, StringComparison.Ordinal);
    }
}
