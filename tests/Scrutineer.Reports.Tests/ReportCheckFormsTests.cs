using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>
/// <c>report check --text</c> over the set of seed-report forms (<see cref="FiguresCheckForms"/>), as a text file and as
/// a Word document with real tables: one line for each inconsistent form, with the value expected, and none for the
/// consistent ones.
/// </summary>
public sealed class ReportCheckFormsTests
{
    private static IEnumerable<string> Texts(bool withInconsistent) =>
        FiguresCheckForms.All.SelectMany(f => withInconsistent ? new[] { f.Consistent, f.Inconsistent } : [f.Consistent]);

    [Theory]
    [InlineData(".txt")]
    [InlineData(".docx")]
    public async Task CheckText_EveryForm_EachInconsistentOneFlaggedWithTheValueExpected(string extension)
    {
        var file = Write(extension, Texts(withInconsistent: true));
        try
        {
            var run = await Cli.RunAsync("report", "check", "--text", file);

            Assert.Equal(1, run.ExitCode);
            Assert.Equal(FiguresCheckForms.All.Count, run.Lines.Length);
            foreach (var (form, line) in FiguresCheckForms.All.Zip(run.Lines))
            {
                Assert.EndsWith($": \"{form.Claim}\" — {form.Implied}", line, StringComparison.Ordinal);
            }

            Assert.Contains($"{FiguresCheckForms.All.Count} inconsistent figures found in {Path.GetFileName(file)}.", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(".txt")]
    [InlineData(".docx")]
    public async Task CheckText_EveryFormConsistent_NothingFlaggedAndExit0(string extension)
    {
        var file = Write(extension, Texts(withInconsistent: false));
        try
        {
            var run = await Cli.RunAsync("report", "check", "--text", file);

            Assert.True(run.ExitCode == 0, run.Out);
            Assert.Empty(run.Out);
            Assert.Contains($"No inconsistent figures found in {Path.GetFileName(file)}.", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CheckText_DamagedWordDocument_RefusedWithWhatToDo()
    {
        var file = Path.Combine(Path.GetTempPath(), $"draft-{Guid.NewGuid():N}.docx");
        await File.WriteAllTextAsync(file, "not a Word document");
        try
        {
            var run = await Cli.RunAsync("report", "check", "--text", file);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains($"{Path.GetFileName(file)} cannot be read as a Word document", run.Error, StringComparison.Ordinal);
            Assert.Contains("Save it again from Word as a .docx file, or check a text copy.", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// A draft of <paramref name="texts"/>: a text file (two blank lines between, so that two tables stay two), or a Word
    /// document in which lines with "|" are table rows (an empty paragraph between texts).
    /// </summary>
    private static string Write(string extension, IEnumerable<string> texts)
    {
        var file = Path.Combine(Path.GetTempPath(), $"draft-{Guid.NewGuid():N}{extension}");
        if (extension == ".txt")
        {
            File.WriteAllText(file, string.Join("\n\n\n", texts));
            return file;
        }

        using var document = WordprocessingDocument.Create(file, DocumentFormat.OpenXml.WordprocessingDocumentType.Document);
        var body = new Body();
        foreach (var text in texts)
        {
            body.Append(new Paragraph());
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length;)
            {
                if (lines[i].Contains('|', StringComparison.Ordinal))
                {
                    var table = new Table();
                    for (; i < lines.Length && lines[i].Contains('|', StringComparison.Ordinal); i++)
                    {
                        table.Append(new TableRow(lines[i].Split('|').Select(c => new TableCell(new Paragraph(new Run(new Text(c.Trim()) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))))));
                    }

                    body.Append(table);
                    continue;
                }

                var paragraph = new Paragraph();
                var run = new Run();
                for (var first = true; i < lines.Length && !lines[i].Contains('|', StringComparison.Ordinal); i++, first = false)
                {
                    if (!first)
                    {
                        run.Append(new Break());
                    }

                    run.Append(new Text(lines[i]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
                }

                paragraph.Append(run);
                body.Append(paragraph);
            }
        }

        document.AddMainDocumentPart().Document = new Document(body);
        return file;
    }
}
