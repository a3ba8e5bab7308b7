using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Scrutineer.Browser.Tests;

/// <summary>Runs axe-core (every WCAG 2.0–2.2 A/AA rule and axe's best practices) on a page and fails with each violation spelled out.</summary>
internal static class Axe
{
    /// <summary>When set, every checked page is also saved as a full-page PNG in this folder (to look at while changing pages).</summary>
    public const string ScreenshotsVariable = "SCRUTINEER_SCREENSHOTS";

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        await SaveScreenshotAsync(page);
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, Describe(page.Url, result));
        Assert.NotEmpty(result.Passes);
    }

    private static async Task SaveScreenshotAsync(IPage page)
    {
        var folder = Environment.GetEnvironmentVariable(ScreenshotsVariable);
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var path = new Uri(page.Url).PathAndQuery.Trim('/');
        var name = string.Concat((path.Length == 0 ? "dashboard" : path).Select(c => char.IsLetterOrDigit(c) ? c : '-'));
        var title = await page.TitleAsync();
        var suffix = title.StartsWith("Error:", StringComparison.Ordinal) ? "-error" : "";
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}{suffix}.png"), FullPage = true });
    }

    private static string Describe(string url, AxeResult result)
    {
        var text = new StringBuilder($"axe-core found {result.Violations.Length} violation(s) on {url}:");
        foreach (var violation in result.Violations)
        {
            text.Append($"\n- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                text.Append($"\n    {node.Target}: {node.Html}");
            }
        }

        return text.ToString();
    }
}
