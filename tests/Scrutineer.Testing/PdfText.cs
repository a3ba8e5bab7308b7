using System.Diagnostics;

namespace Scrutineer.Testing;

/// <summary>The text of each page of a PDF, read with pdftotext.</summary>
public static class PdfText
{
    /// <summary>The pages' text, in order (blank pages left out).</summary>
    public static async Task<List<string>> PagesAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Xunit.Assert.Equal(0, process.ExitCode);
            return text.Split('\f').Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
