using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Scrutineer.Testing;

namespace Scrutineer.Web.Tests;

/// <summary>
/// Hostile uploads against the running site: the files that once took the server down each get a clear error within
/// 5 seconds, another user's pages keep answering while they are read, and the server's managed memory comes back.
/// </summary>
public sealed partial class HostileUploadTests(DemoSite site) : IClassFixture<DemoSite>
{
    private const long MemoryMargin = 100L * 1024 * 1024;

    [Fact]
    public async Task HostileUploads_EachRefusedWithin5Seconds_OtherUsersServedThroughout_MemoryReturns()
    {
        var admin = await site.SignInAsync("admin");
        var viewer = await site.SignInAsync("viewer");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/")).StatusCode);

        var (nestedXml, dense, nestedPlan, aliases) = (HostileFiles.NestedXmlWorkbook(20_000), HostileFiles.DenseWorkbook(), HostileFiles.NestedBracketsPlan(50_000), HostileFiles.AliasPlan());
        (string Name, Func<Task<HttpResponseMessage>> Send, string Limit)[] uploads =
        [
            ("nested.xlsx", () => DemoSite.UploadAsync(admin, "Delivery", ("nested.xlsx", nestedXml)), "its XML nests more than 64 deep"),
            ("dense.xlsx", () => DemoSite.UploadAsync(admin, "Delivery", ("dense.xlsx", dense)), "it holds more than 250,000 XML elements"),
            ("nested.yaml", () => UploadPlanAsync(admin, "nested.yaml", nestedPlan), "lists and mappings nest more than 32 deep"),
            ("aliases.yaml", () => UploadPlanAsync(admin, "aliases.yaml", aliases), "are not accepted in a plan file"),
        ];

        var baseline = SettledMemory();
        using var done = new CancellationTokenSource();
        var answers = Task.Run(() => AnswerTimesAsync(viewer, done.Token));
        var results = await Task.WhenAll(uploads.Select(u => Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            using var response = await u.Send();
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            return (u.Name, u.Limit, response.StatusCode, Html: html, clock.Elapsed);
        })));
        await done.CancelAsync();
        var times = await answers;

        foreach (var (name, limit, status, html, elapsed) in results)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
            Assert.Contains(name, html, StringComparison.Ordinal);
            Assert.Contains(limit, html, StringComparison.Ordinal);
            Assert.True(elapsed < TimeSpan.FromSeconds(5), $"{name} took {elapsed.TotalSeconds:N1} s");
        }

        Assert.True(dense.Length < 1_000_000, $"the dense workbook is {dense.Length:N0} bytes");

        // The viewer asks again and again until every upload is answered, so no answer over 2 s means the viewer was
        // served throughout (how many answers fit depends only on how fast the uploads were refused).
        Assert.NotEmpty(times);
        Assert.True(times.Max() < TimeSpan.FromSeconds(2), $"another user's page took up to {times.Max().TotalSeconds:N1} s while the uploads were read ({times.Count} answers)");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/")).StatusCode);

        var after = SettledMemory();
        Assert.True(after - baseline < MemoryMargin, $"managed memory {baseline / 1048576} MB before, {after / 1048576} MB after");
    }

    /// <summary>How long each request for another user's home page took, requesting it again and again until <paramref name="stop"/>.</summary>
    private static async Task<List<TimeSpan>> AnswerTimesAsync(HttpClient client, CancellationToken stop)
    {
        var times = new List<TimeSpan>();
        do
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync("/", CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            times.Add(clock.Elapsed);
            await Task.Delay(50, CancellationToken.None);
        }
        while (!stop.IsCancellationRequested);

        return times;
    }

    private static long SettledMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<HttpResponseMessage> UploadPlanAsync(HttpClient client, string name, byte[] bytes)
    {
        var page = await client.GetStringAsync("/admin");
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" }, { content, "planFile", name } };
        return await client.PostAsync("/admin?handler=Plan", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
