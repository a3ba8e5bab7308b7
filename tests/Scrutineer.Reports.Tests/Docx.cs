using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Scrutineer.Reports.Tests;

/// <summary>Reads a generated Word document back and checks it against the Open XML schema.</summary>
internal static class Docx
{
    public static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    public static void AssertValid(WordprocessingDocument document)
    {
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2013).Validate(document).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    public static List<(string Style, string Text)> Headings(WordprocessingDocument document) => document.MainDocumentPart!.Document.Body!
        .Elements<Paragraph>()
        .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
        .Select(p => (p.ParagraphProperties!.ParagraphStyleId!.Val!.Value!, p.InnerText))
        .ToList();

    public static List<string> RowTexts(TableRow row) => row.Elements<TableCell>().Select(c => c.InnerText).ToList();
}
