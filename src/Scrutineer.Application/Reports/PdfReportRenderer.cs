using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Prints the HTML report to PDF with headless Chromium (Debian's <c>chromium</c>; nothing is downloaded), through a
/// <see cref="ChromiumPool"/>: the web server's warm one, or one started for this render and ended after it (the
/// command line). The page rules of the HTML put the classification at the top and bottom of every page and "Page n of
/// m" at the foot. When the report has a contents table with page ranges, the ranges are read back from the printed
/// pages (<c>pdftotext</c>): the report is printed with the ranges last found for the very same report in this process
/// (when there are some) and printed again only when the pages it came out with differ; once a print with the ranges
/// has been read back and agreed, the same report is printed once and not read back (decision 0144).
/// </summary>
public sealed partial class PdfReportRenderer : IReportRenderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>The contents page ranges last found, by the SHA-256 of the report's HTML without them (at most 64 kept).</summary>
    private static readonly ConcurrentDictionary<string, ContentsPages> Remembered = new(StringComparer.Ordinal);

    private readonly HtmlReportRenderer html;
    private readonly ChromiumPool? pool;
    private readonly string chromium;

    /// <summary>Prints with a Chromium of its own, started for each render.</summary>
    public PdfReportRenderer()
        : this(new HtmlReportRenderer(), pool: null)
    {
    }

    /// <summary>Prints through <paramref name="pool"/>, or (null) a Chromium of its own started for each render.</summary>
    public PdfReportRenderer(HtmlReportRenderer html, ChromiumPool? pool)
    {
        this.html = html;
        this.pool = pool;
        chromium = pool?.Limits.Chromium ?? PdfPrintLimits.Default.Chromium;
    }

    /// <summary>Prints with the Chromium at <paramref name="chromium"/>, started for each render.</summary>
    public PdfReportRenderer(HtmlReportRenderer html, string chromium)
        : this(html, pool: null) => this.chromium = chromium;

    public ReportFormat Format => ReportFormat.Pdf;

    /// <summary>The prints the last render took (1, or 2 when the contents pages had to be printed again).</summary>
    public int Prints { get; private set; }

    public async Task RenderAsync(ReportDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        EnsureTools();
        var folder = Directory.CreateTempSubdirectory("scrutineer-pdf-");
        var own = pool is null ? new ChromiumPool(PdfPrintLimits.Default with { Chromium = chromium, Prints = 1 }) : null;
        try
        {
            var printer = pool ?? own!;
            Prints = 0;
            var contents = document.Blocks.OfType<ReportContents>().FirstOrDefault(c => c.Entries.Count > 0);
            byte[] pdf;
            if (contents is null)
            {
                pdf = await PrintAsync(printer, document, folder.FullName, cancellationToken);
            }
            else
            {
                var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html.Render(document))));
                var known = Remembered.TryGetValue(key, out var remembered) ? remembered : new ContentsPages([], Confirmed: false);
                pdf = await PrintAsync(printer, WithPages(document, contents, known.Ranges), folder.FullName, cancellationToken);
                if (!known.Confirmed)
                {
                    var found = await RangesAsync(pdf, document, contents, folder.FullName, cancellationToken);
                    var confirmed = Same(known.Ranges, found);
                    if (!confirmed)
                    {
                        pdf = await PrintAsync(printer, WithPages(document, contents, found), folder.FullName, cancellationToken);
                        confirmed = Same(found, await RangesAsync(pdf, document, contents, folder.FullName, cancellationToken));
                    }

                    if (Remembered.Count >= 64)
                    {
                        Remembered.Clear();
                    }

                    Remembered[key] = new ContentsPages(found, confirmed);
                }
            }

            await output.WriteAsync(pdf, cancellationToken);
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }

            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file may still be held open; the temporary folder is cleaned by the system.
            }
        }
    }

    private static ReportDocument WithPages(ReportDocument document, ReportContents contents, Dictionary<string, PageRange> pages) => document with
    {
        Blocks = document.Blocks.Select(b => ReferenceEquals(b, contents) ? contents with { Pages = pages } : b).ToList(),
    };

    private static async Task<Dictionary<string, PageRange>> RangesAsync(byte[] pdf, ReportDocument document, ReportContents contents, string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "report.pdf");
        await File.WriteAllBytesAsync(path, pdf, cancellationToken);
        return Ranges(document, contents, await PagesAsync(path, cancellationToken));
    }

    private static bool Same(Dictionary<string, PageRange> guess, Dictionary<string, PageRange> found) =>
        guess.Count == found.Count && guess.All(g => found.TryGetValue(g.Key, out var range) && range == g.Value);

    /// <summary>
    /// Refuses, in one line that says what to install, when this machine lacks Chromium or pdftotext (poppler-utils):
    /// a PDF asked for on a machine without them is a set-up gap, not an internal error.
    /// </summary>
    /// <exception cref="DomainException">Chromium or pdftotext is not installed.</exception>
    private void EnsureTools()
    {
        var missing = new List<string>();
        if (!File.Exists(chromium))
        {
            missing.Add("chromium");
        }

        if (!OnPath("pdftotext"))
        {
            missing.Add("poppler-utils");
        }

        if (missing.Count > 0)
        {
            throw new DomainException(
                $"PDF reports need Chromium and pdftotext, which this machine does not have. Install them with 'sudo apt-get install {string.Join(' ', missing)}', or choose DOCX or HTML.");
        }
    }

    internal static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    /// <summary>The page ranges of the contents entries, from each page's text (index 0 = page 1).</summary>
    internal static Dictionary<string, PageRange> Ranges(ReportDocument document, ReportContents contents, IReadOnlyList<string> pages)
    {
        var headings = document.Blocks.OfType<ReportHeading>().ToList();
        var starts = new List<(ReportHeading Heading, int Page)>();
        var contentsPage = pages.ToList().FindIndex(p => p.Split('\n').Any(l => l.Trim() == "Contents"));
        var from = contentsPage + 1;
        foreach (var heading in headings.Where(h => h.NewPage || contents.Entries.Any(e => e.Anchor == h.Anchor)))
        {
            var wanted = Normalise(heading.Text);
            for (var p = from; p < pages.Count; p++)
            {
                if (Normalise(pages[p]).Contains(wanted, StringComparison.Ordinal))
                {
                    starts.Add((heading, p + 1));
                    from = p;
                    break;
                }
            }
        }

        var ranges = new Dictionary<string, PageRange>();
        for (var i = 0; i < starts.Count; i++)
        {
            var (heading, first) = starts[i];
            if (heading.Anchor is null || contents.Entries.All(e => e.Anchor != heading.Anchor))
            {
                continue;
            }

            var last = i + 1 < starts.Count ? Math.Max(first, starts[i + 1].Page - 1) : pages.Count;
            ranges[heading.Anchor] = new PageRange(first, last);
        }

        return ranges;
    }

    private async Task<byte[]> PrintAsync(ChromiumPool printer, ReportDocument document, string folder, CancellationToken cancellationToken)
    {
        return await printer.PrintAsync(html.Render(document), Path.Combine(folder, $"report-{++Prints}.html"), cancellationToken);
    }

    /// <summary>The text of each page of <paramref name="pdf"/> (index 0 = page 1), laid out in columns or in reading order.</summary>
    internal static async Task<IReadOnlyList<string>> PagesAsync(string pdf, CancellationToken cancellationToken, bool layout = true)
    {
        var (exit, text, error) = await RunAsync("pdftotext", layout ? ["-layout", pdf, "-"] : [pdf, "-"], cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"pdftotext could not read the PDF (exit {exit}): {Tail(error)}");
        }

        var pages = text.Split('\f').ToList();
        if (pages.Count > 0 && string.IsNullOrWhiteSpace(pages[^1]))
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return pages;
    }

    /// <summary>Runs <paramref name="file"/> to its end (at most <paramref name="limit"/>, default 90 seconds) and returns its exit code and output.</summary>
    internal static async Task<(int Exit, string Out, string Error)> RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        var allowed = limit ?? Timeout;
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(allowed);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {allowed.TotalSeconds:0} seconds.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string Normalise(string text) => Spaces().Replace(text.Replace('–', '-').Replace('—', '-'), " ").Trim();

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : text[^600..].Trim();

    /// <summary>
    /// The contents page ranges found for a report; confirmed once a print with these very ranges was read back and
    /// its sections started on these pages (the same HTML lays out the same in the same browser, so it need not be
    /// read back again).
    /// </summary>
    private sealed record ContentsPages(Dictionary<string, PageRange> Ranges, bool Confirmed);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
