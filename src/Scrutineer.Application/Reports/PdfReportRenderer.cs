using System.Diagnostics;
using System.Text.RegularExpressions;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Prints the HTML report to PDF with headless Chromium (Debian's <c>chromium</c>; nothing is downloaded). The page
/// rules of the HTML put the classification at the top and bottom of every page and "Page n of m" at the foot. When the
/// report has a contents table with page ranges, the PDF is printed twice: the first print gives the page each section
/// starts on (read back with <c>pdftotext</c>), the second prints the contents with those ranges.
/// </summary>
public sealed partial class PdfReportRenderer(HtmlReportRenderer html, string chromium = "/usr/bin/chromium") : IReportRenderer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public PdfReportRenderer()
        : this(new HtmlReportRenderer())
    {
    }

    public ReportFormat Format => ReportFormat.Pdf;

    public async Task RenderAsync(ReportDocument document, Stream output, CancellationToken cancellationToken = default)
    {
        EnsureTools();
        var folder = Directory.CreateTempSubdirectory("scrutineer-pdf-");
        try
        {
            var pdf = await PrintAsync(document, folder.FullName, cancellationToken);
            var contents = document.Blocks.OfType<ReportContents>().FirstOrDefault(c => c.Entries.Count > 0);
            if (contents is not null)
            {
                var pages = await PagesAsync(pdf, cancellationToken);
                var ranges = Ranges(document, contents, pages);
                var paged = document with
                {
                    Blocks = document.Blocks.Select(b => ReferenceEquals(b, contents) ? contents with { Pages = ranges } : b).ToList(),
                };
                pdf = await PrintAsync(paged, folder.FullName, cancellationToken);
            }

            await using var file = File.OpenRead(pdf);
            await file.CopyToAsync(output, cancellationToken);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be letting go of its profile; the temporary folder is cleaned by the system.
            }
        }
    }

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

    private async Task<string> PrintAsync(ReportDocument document, string folder, CancellationToken cancellationToken)
    {
        var source = Path.Combine(folder, "report.html");
        var pdf = Path.Combine(folder, "report.pdf");
        File.Delete(pdf);
        await File.WriteAllTextAsync(source, html.Render(document), cancellationToken);
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-extensions", "--disable-sync", "--no-default-browser-check", "--mute-audio",
            "--no-pdf-header-footer", "--user-data-dir=" + Path.Combine(folder, "profile"),
            "--print-to-pdf=" + pdf, new Uri(source).AbsoluteUri,
        ];
        var (exit, _, error) = await RunAsync(chromium, arguments, cancellationToken);
        if (exit != 0 || !File.Exists(pdf))
        {
            throw new InvalidOperationException($"Chromium ({chromium}) did not print the PDF (exit {exit}): {Tail(error)}");
        }

        return pdf;
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
