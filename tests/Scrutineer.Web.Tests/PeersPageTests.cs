using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Web.Tests;

/// <summary>The insights peers page: the force beside its peer group, and its harm beside its counts.</summary>
public sealed class PeersPageTests(DemoSite site) : IClassFixture<DemoSite>
{
    private static string Temp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "scrutineer-tests", Guid.NewGuid().ToString("N") + ".csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Peers_GroupAndWeightsLoaded_TableWithRankAverageVerdictAndHarm()
    {
        await using (var db = site.Db())
        {
            await new AreaMappingImport(db).ImportAsync(Temp("lsoa,district,lpa,force\nKentLA,Kent district,,Kent Police\n"));
            var lines = Enumerable.Range(0, 12).Select(i => $"Residential burglary,Kent Police,{new Domain.Periods.ReportingMonth(2024, 3).Plus(-i)},1");
            var run = await new MeasuresImport(db).ImportAsync(Temp("measure,area,period,value\n" + string.Join('\n', lines) + "\n"));
            if (run.Run.Held.Count > 0)
            {
                await ImportRuns.ConfirmAsync(db, run.Run.Id);
            }

            await new PeerGroupImport(db).ImportAsync(Temp("force,peer,from,to\nEssex,Kent,2020-01-01,\n"));
            await new HarmWeightsImport(db).ImportAsync(Temp("force,crime_type,cchi_days\n,Residential burglary,245.91\n"));
        }

        var client = await site.SignInAsync("viewer");
        var html = await client.GetStringAsync("/insights/peers?measure=Residential%20burglary&force=Essex%20Police&to=2024-03");

        var summary = Regex.Match(html, "<p class=\"govuk-body\" id=\"peers-(summary|problem)\">(.*?)</p>", RegexOptions.Singleline).Groups[2].Value;
        summary = System.Net.WebUtility.HtmlDecode(summary);
        Assert.StartsWith("Peer average (1 peer, Essex Police excluded): 12.0; with Essex Police:", summary, StringComparison.Ordinal);
        var table = Regex.Match(html, "<table class=\"govuk-table\" id=\"peers\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Essex Police (this force)", table, StringComparison.Ordinal);
        Assert.Contains("Kent Police", table, StringComparison.Ordinal);
        Assert.Contains("compared on counts", table, StringComparison.Ordinal);
        Assert.Contains("Essex Police ranks 1 of 2; against the peer average +", summary, StringComparison.Ordinal);
        Assert.Contains("significantly higher than the peer average", html, StringComparison.Ordinal);
        Assert.Contains("under the Cambridge Crime Harm Index, in days", html, StringComparison.Ordinal);
        Assert.Contains("Harm = count × Cambridge Crime Harm Index weight in days", html, StringComparison.Ordinal);
        Assert.Contains("OFFICIAL", html, StringComparison.Ordinal);

        // Kent holds these 12 months only: its harm stands alone, and both pages say why.
        var kent = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/insights/peers?measure=Residential%20burglary&force=Kent&to=2024-03"));
        Assert.Contains("<p class=\"govuk-body\" id=\"harm-not-compared\">Not compared with the 12 months before (Apr 2022\u2013Mar 2023): the store does not hold every one of those months for every crime type.</p>", kent, StringComparison.Ordinal);
        var insights = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/insights?measure=Residential%20burglary&area=Kent%20Police&to=2024-03"));
        Assert.Contains("id=\"harm-not-compared\">Not compared with the 12 months before (Apr 2022\u2013Mar 2023)", insights, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Peers_BadMonth_GovUkErrorAgainstTheField()
    {
        var client = await site.SignInAsync("viewer");

        var html = await client.GetStringAsync("/insights/peers?to=March");

        Assert.Contains("Enter the last month as YYYY-MM, for example 2025-12; &#x27;March&#x27; is not a month.", html, StringComparison.Ordinal);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
    }
}
