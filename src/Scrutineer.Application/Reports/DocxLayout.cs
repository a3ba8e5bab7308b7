using System.Text.RegularExpressions;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Where the headings of a Word report fall once it is laid out on A4 pages: the page of each heading of the contents
/// (level 1 and 2), the page ranges of the contents table's entries, and the number of pages. Read from the report laid
/// out by LibreOffice (<see cref="MeasureAsync"/>), so the contents can be written with their page numbers and need no
/// updating when the document is opened (decision 0133).
/// </summary>
internal sealed partial class DocxLayout
{
    private readonly Dictionary<ReportHeading, int> pages = new(ReferenceEqualityComparer.Instance);

    private DocxLayout(int pageCount) => PageCount = pageCount;

    /// <summary>The number of pages, from 1.</summary>
    public int PageCount { get; }

    /// <summary>The page ranges of the contents table's entries, by anchor, worked out the way the PDF works them out.</summary>
    public IReadOnlyDictionary<string, PageRange> Ranges { get; private set; } = new Dictionary<string, PageRange>();

    /// <summary>The page, from 1, on which <paramref name="heading"/> (one of <see cref="DocxContents.Headings"/>) falls.</summary>
    public int PageOf(ReportHeading heading) => pages[heading];

    /// <summary>
    /// Lays <paramref name="docx"/> (the report written with placeholder page numbers of the same width) out with
    /// LibreOffice and reads back the page on which each heading of <paramref name="document"/> falls.
    /// </summary>
    /// <exception cref="DomainException">LibreOffice or pdftotext is not installed.</exception>
    /// <exception cref="InvalidOperationException">LibreOffice or pdftotext could not run, or a heading was not found on any page.</exception>
    public static async Task<DocxLayout> MeasureAsync(byte[] docx, ReportDocument document, CancellationToken cancellationToken)
    {
        if ((!File.Exists(Office) && !PdfReportRenderer.OnPath(Office)) || !PdfReportRenderer.OnPath("pdftotext"))
        {
            throw new DomainException(
                "Word reports need LibreOffice Writer and pdftotext to number their contents, which this machine does not have. "
                + "Install them with 'sudo apt-get install --no-install-recommends libreoffice-writer-nogui poppler-utils', or choose HTML or PDF.");
        }

        var folder = Directory.CreateTempSubdirectory("scrutineer-docx-");
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            var source = Path.Combine(folder.FullName, "report.docx");
            await File.WriteAllBytesAsync(source, docx, cancellationToken);
            var (exit, _, error) = await PdfReportRenderer.RunAsync(
                Office,
                ["-env:UserInstallation=" + new Uri(Path.Combine(folder.FullName, "profile")).AbsoluteUri, "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", folder.FullName, source],
                cancellationToken,
                TimeSpan.FromMinutes(5));
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            if (exit != 0 || !File.Exists(pdf))
            {
                throw new InvalidOperationException($"LibreOffice ({Office}) did not lay out the Word report to number its contents (exit {exit}): {error.Trim()}");
            }

            return Read(document, await PdfReportRenderer.PagesAsync(pdf, cancellationToken, layout: false));
        }
        finally
        {
            OneAtATime.Release();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // LibreOffice may still be letting go of its profile; the temporary folder is cleaned by the system.
            }
        }
    }

    /// <summary>
    /// One layout at a time in this process: LibreOffice takes a core for seconds, and several at once on a small server
    /// only make each slower.
    /// </summary>
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>LibreOffice's command (Debian's <c>libreoffice-writer-nogui</c>).</summary>
    public static string Office { get; } = File.Exists("/usr/bin/soffice") ? "/usr/bin/soffice" : "soffice";

    /// <summary>
    /// The layout from each page's text (index 0 = page 1), walking the document in order: a heading is looked for after
    /// the previous one (on a later page when it starts a new page), and the contents' own lines are passed over first.
    /// </summary>
    internal static DocxLayout Read(ReportDocument document, IReadOnlyList<string> pageTexts)
    {
        var text = pageTexts.Select(Normalise).ToList();
        var layout = new DocxLayout(text.Count);
        var (page, at) = (0, 0);
        var newPage = false;
        var wanted = DocxContents.Headings(document).ToHashSet(ReferenceEqualityComparer.Instance);
        var starts = new List<(ReportHeading Heading, int Page)>();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ReportPageBreak:
                    newPage = true;
                    break;
                case ReportContents contents:
                    foreach (var label in new[] { "Contents" }.Concat(DocxContents.Headings(document).Select(h => h.Text)).Concat(contents.Entries.Select(e => e.Label)))
                    {
                        if (Find(text, Normalise(label), page, at) is { } found)
                        {
                            (page, at) = found;
                        }
                    }

                    break;
                case ReportHeading heading:
                    if (heading.NewPage || newPage)
                    {
                        (page, at) = (page + 1, 0);
                    }

                    newPage = false;
                    if (!wanted.Contains(heading) && !heading.NewPage)
                    {
                        break;
                    }

                    var place = Find(text, Normalise(heading.Text), page, at)
                        ?? throw new InvalidOperationException($"The heading \"{heading.Text}\" was not found in the laid-out Word report after page {page + 1}.");
                    (page, at) = place;
                    starts.Add((heading, page + 1));
                    if (wanted.Contains(heading))
                    {
                        layout.pages[heading] = page + 1;
                    }

                    break;
            }
        }

        layout.Ranges = RangesOf(document, starts, text.Count);
        return layout;
    }

    /// <summary>A contents entry runs from its heading's page to the page before the next section that starts a page or has an entry.</summary>
    private static Dictionary<string, PageRange> RangesOf(ReportDocument document, List<(ReportHeading Heading, int Page)> starts, int pageCount)
    {
        var anchors = document.Blocks.OfType<ReportContents>().SelectMany(c => c.Entries).Select(e => e.Anchor).ToHashSet(StringComparer.Ordinal);
        var bounds = starts.Where(s => s.Heading.NewPage || (s.Heading.Anchor is { } a && anchors.Contains(a))).ToList();
        var ranges = new Dictionary<string, PageRange>(StringComparer.Ordinal);
        for (var i = 0; i < bounds.Count; i++)
        {
            var (heading, first) = bounds[i];
            if (heading.Anchor is { } anchor && anchors.Contains(anchor))
            {
                var last = i + 1 < bounds.Count ? Math.Max(first, bounds[i + 1].Page - 1) : pageCount;
                ranges[anchor] = new PageRange(first, last);
            }
        }

        return ranges;
    }

    /// <summary>The page and offset just after the first occurrence of <paramref name="wanted"/> from page <paramref name="page"/>, offset <paramref name="at"/>.</summary>
    private static (int Page, int At)? Find(List<string> pages, string wanted, int page, int at)
    {
        for (var p = page; p < pages.Count; p++)
        {
            var start = p == page ? Math.Min(at, pages[p].Length) : 0;
            var index = pages[p].IndexOf(wanted, start, StringComparison.Ordinal);
            if (index >= 0)
            {
                return (p, index + wanted.Length);
            }
        }

        return null;
    }

    private static string Normalise(string text) => Spaces().Replace(
        text.Replace('–', '-').Replace('—', '-').Replace('’', '\'').Replace('‘', '\'').Replace("ﬁ", "fi", StringComparison.Ordinal).Replace("ﬂ", "fl", StringComparison.Ordinal),
        " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
