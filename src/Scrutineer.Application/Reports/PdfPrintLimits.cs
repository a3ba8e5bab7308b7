namespace Scrutineer.Application.Reports;

/// <summary>How a <see cref="ChromiumPool"/> prints: which Chromium, how many PDFs at once and how many may wait.</summary>
/// <param name="Chromium">The browser to run (default Debian's <c>/usr/bin/chromium</c>; nothing is downloaded).</param>
/// <param name="Prints">PDFs printed at once, from 1 (default: one per core).</param>
/// <param name="Queue">PDFs that may wait for a free tab beyond those printing, from 0; one more is refused (default 32).</param>
public sealed record PdfPrintLimits(string Chromium, int Prints, int Queue)
{
    /// <summary>Debian's Chromium, one print per core, 32 waiting.</summary>
    public static PdfPrintLimits Default { get; } = new("/usr/bin/chromium", Math.Max(1, Environment.ProcessorCount), 32);

    /// <summary>These limits, or the setting that is out of range named.</summary>
    /// <exception cref="InvalidOperationException">Prints is below 1 or Queue below 0.</exception>
    public PdfPrintLimits Checked() =>
        Prints < 1 ? throw new InvalidOperationException($"The setting Pdf:Prints is {Prints}: at least one PDF must print at a time. Use 1 or more.")
        : Queue < 0 ? throw new InvalidOperationException($"The setting Pdf:Queue is {Queue}: no fewer than none may wait. Use 0 or more.")
        : this;
}
