using Scrutineer.Application.Reports;
using Scrutineer.Web.Accounts;

namespace Scrutineer.Web.Reporting;

/// <summary>
/// Reads how the web server prints PDFs (<c>Pdf:Prints</c>, <c>Pdf:Queue</c>, <c>Pdf:Chromium</c> in appsettings.json,
/// or environment variables such as <c>Pdf__Prints=2</c>) and holds one warm <see cref="ChromiumPool"/> for the
/// server's life; the container disposes it, ending the browser, when the server stops. See docs/reports.md.
/// </summary>
internal static class PdfSettings
{
    public static IServiceCollection AddScrutineerPdf(this IServiceCollection services) =>
        services.AddSingleton(sp => new ChromiumPool(Limits(sp.GetRequiredService<IConfiguration>())));

    public static PdfPrintLimits Limits(IConfiguration config) =>
        new PdfPrintLimits(
            config["Pdf:Chromium"] is { Length: > 0 } chromium ? chromium : PdfPrintLimits.Default.Chromium,
            AccountSettings.Number(config, "Pdf:Prints", PdfPrintLimits.Default.Prints),
            AccountSettings.Number(config, "Pdf:Queue", PdfPrintLimits.Default.Queue)).Checked();
}
