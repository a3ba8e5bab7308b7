using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Web.Tests;

/// <summary>/api/measures, /api/observations and /api/insights/rolling12: plain numbers, every role, 401 anonymous, in the OpenAPI document.</summary>
public sealed class PerformanceApiTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Theory]
    [InlineData("/api/measures")]
    [InlineData("/api/observations?measure=All%20crime")]
    [InlineData("/api/insights/rolling12")]
    public async Task Api_Anonymous_Unauthorized(string path)
    {
        var response = await site.Anonymous().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Measures_Viewer_ListsEveryMeasure()
    {
        var client = await site.SignInAsync("viewer");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/measures"));

        await using var db = site.Db();
        Assert.Equal(await db.Measures.CountAsync(), json.RootElement.GetArrayLength());
        var allCrime = json.RootElement.EnumerateArray().Single(m => m.GetProperty("name").GetString() == "All crime");
        Assert.Equal("count", allCrime.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Observations_MeasureAreaAndMonths_ReturnsThoseMonthsAsPlainNumbers()
    {
        var client = await site.SignInAsync("contributor.north");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/observations?measure=All%20crime&area=Essex%20Police&from=2023-04&to=2024-03"));

        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal("2023-04", rows[0].GetProperty("period").GetString());
        Assert.Equal("2024-03", rows[^1].GetProperty("period").GetString());
        await using var db = site.Db();
        var march = await db.Observations.Where(o => o.Measure.Name == "All crime" && o.Area.Name == "Essex Police" && o.Kind == PeriodKind.Month)
            .ToListAsync();
        Assert.Equal(march.Single(o => o.Period.ToString() == "2024-03").Value, rows[^1].GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData("/api/observations", "measure")]
    [InlineData("/api/observations?measure=All%20crime&from=March", "YYYY-MM")]
    [InlineData("/api/observations?measure=No%20such%20thing", "No such thing")]
    [InlineData("/api/insights/rolling12?to=2024-13", "YYYY-MM")]
    public async Task Api_BadQuery_BadRequestSayingWhy(string path, string expected)
    {
        var client = await site.SignInAsync("analyst");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rolling12_AllCrimeForce_MatchesTheObservations()
    {
        var client = await site.SignInAsync("viewer");

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/insights/rolling12?to=2024-03&area=Essex%20Police&measure=All%20crime"));

        var row = Assert.Single(json.RootElement.EnumerateArray().ToList());
        await using var db = site.Db();
        var monthly = (await db.Observations.Where(o => o.Measure.Name == "All crime" && o.Area.Name == "Essex Police" && o.Kind == PeriodKind.Month)
            .Select(o => new { o.Period, o.Value }).ToListAsync()).ToDictionary(o => o.Period.ToString(), o => (long)o.Value);
        long Sum(int fromYear, int fromMonth) => Enumerable.Range(0, 12).Sum(i => monthly[new DateOnly(fromYear, fromMonth, 1).AddMonths(i).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)]);
        var latest = Sum(2023, 4);
        var previous = Sum(2022, 4);
        Assert.Equal(latest, row.GetProperty("latest12Months").GetInt64());
        Assert.Equal(previous, row.GetProperty("previous12Months").GetInt64());
        Assert.Equal(latest - previous, row.GetProperty("difference").GetInt64());
        Assert.Equal(Math.Round((latest - previous) * 100m / previous, 1, MidpointRounding.AwayFromZero), row.GetProperty("percentChange").GetDecimal());
        Assert.Contains(row.GetProperty("significant").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
    }

    [Fact]
    public async Task OpenApi_ListsThePerformanceRoutes()
    {
        var client = await site.SignInAsync("analyst");

        var json = await client.GetStringAsync("/api/openapi.json");

        Assert.Contains("\"/api/measures\"", json, StringComparison.Ordinal);
        Assert.Contains("\"/api/observations\"", json, StringComparison.Ordinal);
        Assert.Contains("\"/api/insights/rolling12\"", json, StringComparison.Ordinal);
    }
}
