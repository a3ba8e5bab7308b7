using Scrutineer.Application.Data;
using Scrutineer.Application.Security;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.QuarterlyUpdates;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// Every report the product offers — three kinds, each in three formats and two versions — who may have which, and
/// the one way to build and write any of them. The command line's <c>report</c> command and the web's download page
/// both go through here, so a report cannot be offered in one place and built differently in the other.
/// </summary>
public static class ReportCatalogue
{
    /// <summary>The kinds of report, in the order they are offered.</summary>
    public static IReadOnlyList<Kind> Kinds { get; } =
    [
        new("quarterly", "Quarterly update on delivery against the We Wills", "A section per priority and a row per commitment with each unit's approved commentary.",
            (reader, period, plan, version, now, ct) => QuarterlyReport.BuildAsync(reader, period, now, version, plan, ct)),
        new("strategy", "Strategy scrutiny report", "Delivery progress by thematic strand, leads, insights with charts, and the tasks at risk.",
            (reader, period, _, version, now, ct) => StrategyReport.BuildAsync(reader.Context(), period, now, version, null, null, ct)),
        new("closure", "Closure report", "A chapter per priority with long-run figures, and every We Will with its outcomes.",
            (reader, period, plan, version, _, ct) => ClosureReport.BuildAsync(reader.Context(), period, version, plan, ct)),
    ];

    /// <summary>The formats every report is written in.</summary>
    public static IReadOnlyList<ReportFormat> Formats { get; } = Enum.GetValues<ReportFormat>();

    /// <summary>The versions every report is built in.</summary>
    public static IReadOnlyList<ReportVersion> Versions { get; } = Enum.GetValues<ReportVersion>();

    /// <summary>Every report offered: each kind in each format and each version.</summary>
    public static IReadOnlyList<Entry> All { get; } =
        Kinds.SelectMany(k => Formats.SelectMany(f => Versions.Select(v => new Entry(k, f, v)))).ToList();

    /// <summary>The kind named <paramref name="slug"/> ("quarterly", "strategy", "closure"), or null.</summary>
    public static Kind? Find(string? slug) => Kinds.FirstOrDefault(k => k.Slug == slug);

    /// <summary>
    /// Whether <paramref name="reader"/> may have <paramref name="version"/>: the public version is for every reader; the
    /// full version only for those cleared to read every record's OFFICIAL-SENSITIVE text (<see cref="NeedToKnow.CanReadAllSensitive"/>).
    /// </summary>
    public static bool MayRead(Reader reader, ReportVersion version) =>
        version == ReportVersion.Public || NeedToKnow.CanReadAllSensitive(reader);

    /// <summary>
    /// Whether <paramref name="reader"/> may have the reports of a round in <paramref name="state"/>: analysts and
    /// administrators any round; everyone else published rounds only, as a report of a round in progress shows work
    /// not yet signed off.
    /// </summary>
    public static bool MaySeeRound(Reader reader, RoundState state) =>
        reader.Role is Role.Administrator or Role.Analyst || state == RoundState.Published;

    /// <summary>Whether <paramref name="reader"/> may download <paramref name="version"/> of a report of a round in <paramref name="state"/>.</summary>
    public static bool MayDownload(Reader reader, RoundState state, ReportVersion version) =>
        MaySeeRound(reader, state) && MayRead(reader, version);

    /// <summary>Builds <paramref name="version"/> of <paramref name="kind"/> for <paramref name="period"/>, for <paramref name="reader"/>.</summary>
    /// <param name="db">The store.</param>
    /// <param name="kind">The report.</param>
    /// <param name="period">The quarter reported on.</param>
    /// <param name="version">Full or public.</param>
    /// <param name="reader">Who the report is for (<see cref="Reader.Operator"/> on the command line).</param>
    /// <param name="now">Today.</param>
    /// <param name="planTitle">The plan, when the store holds several (default: the one covering the period).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <param name="cover">The strategy report's cover details set for this report (ignored by the other kinds).</param>
    /// <exception cref="DomainException">The reader may not have the full version, or the store cannot build the report yet (says why).</exception>
    public static Task<ReportDocument> BuildAsync(ScrutineerDb db, Kind kind, FinancialQuarter period, ReportVersion version, Reader reader, DateTimeOffset now, string? planTitle = null, CancellationToken cancellationToken = default, StrategyReportCover? cover = null) =>
        StoreReader.ReadAsync(db, store => BuildAsync(store, kind, period, version, reader, now, planTitle, cancellationToken, cover), cancellationToken);

    /// <summary>
    /// <see cref="BuildAsync(ScrutineerDb, Kind, FinancialQuarter, ReportVersion, Reader, DateTimeOffset, string?, CancellationToken, StrategyReportCover?)"/>
    /// read through <paramref name="store"/>: the quarterly report over its connection alone, the others through its context.
    /// </summary>
    /// <exception cref="DomainException">As the overload on the context.</exception>
    public static async Task<ReportDocument> BuildAsync(StoreReader store, Kind kind, FinancialQuarter period, ReportVersion version, Reader reader, DateTimeOffset now, string? planTitle = null, CancellationToken cancellationToken = default, StrategyReportCover? cover = null)
    {
        if (!MayRead(reader, version))
        {
            throw new DomainException($"The full version of the {kind.Slug} report holds OFFICIAL-SENSITIVE text, and your account is not cleared to read all of it: "
                + "download the public version, or ask an administrator for permission to read sensitive text.");
        }

        return kind.Slug == "strategy" && cover is not null
            ? await StrategyReport.BuildAsync(store.Context(), period, now, version, null, cover, cancellationToken)
            : await kind.Build(store, period, planTitle, version, now, cancellationToken);
    }

    /// <summary>
    /// Builds <paramref name="entry"/> for <paramref name="period"/> and <paramref name="reader"/> and writes it to
    /// <paramref name="output"/>; returns the document written. A PDF is printed through <paramref name="chromium"/>
    /// (the web server's warm pool), or a Chromium started for it when null (the command line).
    /// </summary>
    /// <exception cref="DomainException">As <see cref="BuildAsync"/>; or the PDF queue is full, or Chromium is not installed.</exception>
    public static async Task<ReportDocument> WriteAsync(ScrutineerDb db, Entry entry, FinancialQuarter period, Reader reader, DateTimeOffset now, Stream output, string? planTitle = null, CancellationToken cancellationToken = default, StrategyReportCover? cover = null, ChromiumPool? chromium = null)
    {
        var document = await BuildAsync(db, entry.Kind, period, entry.Version, reader, now, planTitle, cancellationToken, cover);
        await Renderer(entry.Format, chromium).RenderAsync(document, output, cancellationToken);
        return document;
    }

    /// <summary>
    /// <see cref="WriteAsync(ScrutineerDb, Entry, FinancialQuarter, Reader, DateTimeOffset, Stream, string?, CancellationToken, StrategyReportCover?, ChromiumPool?)"/>
    /// read through <paramref name="store"/> (the command line's reader, which opens EF only for the reports that need it).
    /// </summary>
    /// <exception cref="DomainException">As the overload on the context.</exception>
    public static async Task<ReportDocument> WriteAsync(StoreReader store, Entry entry, FinancialQuarter period, Reader reader, DateTimeOffset now, Stream output, string? planTitle = null, CancellationToken cancellationToken = default, StrategyReportCover? cover = null, ChromiumPool? chromium = null)
    {
        var document = await BuildAsync(store, entry.Kind, period, entry.Version, reader, now, planTitle, cancellationToken, cover);
        await Renderer(entry.Format, chromium).RenderAsync(document, output, cancellationToken);
        return document;
    }

    /// <summary>The renderer of <paramref name="format"/>; PDFs print through <paramref name="chromium"/> when given.</summary>
    public static IReportRenderer Renderer(ReportFormat format, ChromiumPool? chromium = null) => format switch
    {
        ReportFormat.Docx => new DocxReportRenderer(),
        ReportFormat.Html => new HtmlReportRenderer(),
        ReportFormat.Pdf => new PdfReportRenderer(new HtmlReportRenderer(), chromium),
    };

    /// <summary>The media type a download of <paramref name="format"/> carries.</summary>
    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Pdf => "application/pdf",
    };

    /// <summary>A kind of report.</summary>
    /// <param name="Slug">Its name on the command line and in the download link: "quarterly".</param>
    /// <param name="Name">Its title on the Reports page.</param>
    /// <param name="Description">What it holds, one sentence.</param>
    /// <param name="Build">Builds a version for a period (and plan title, null for the covering plan) as at a time, read through the store's reader.</param>
    public sealed record Kind(
        string Slug,
        string Name,
        string Description,
        Func<StoreReader, FinancialQuarter, string?, ReportVersion, DateTimeOffset, CancellationToken, Task<ReportDocument>> Build);

    /// <summary>One report offered: a kind in a format and a version.</summary>
    public sealed record Entry(Kind Kind, ReportFormat Format, ReportVersion Version)
    {
        /// <summary>The file name of a download: the kind, the period code and the version, "quarterly-…-Q2-public.pdf".</summary>
        public string FileName(FinancialQuarter period) =>
            $"{Kind.Slug}-{period.Code}-{(Version == ReportVersion.Full ? "full" : "public")}.{Format.ToString().ToLowerInvariant()}";
    }
}
