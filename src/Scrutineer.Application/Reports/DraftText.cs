using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The text of a draft for the figures check: a text file as it is, or a Word document (.docx) read as a person would
/// paste it — each paragraph apart (line breaks kept; an empty paragraph between two tables keeps them two tables),
/// each table row on one line with "|" between its cells. A Word
/// document is held to the same package limits as a workbook (no zip bomb, no deep or huge XML) before it is opened.
/// </summary>
public static class DraftText
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="DomainException">The Word document is damaged or breaks a package limit (the message says which and what to do).</exception>
    public static async Task<string> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!path.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return await File.ReadAllTextAsync(path, cancellationToken);
        }

        var name = Path.GetFileName(path);
        if (new FileInfo(path).Length > WorkbookLimits.MaxFileBytes)
        {
            throw new DomainException($"{name} is larger than {WorkbookLimits.MaxFileBytes / (1024 * 1024)} MB, so it is not read. Check a text copy of the draft instead.");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        try
        {
            WorkbookLimits.CheckPackage(name, bytes, cancellationToken);
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DomainException($"{name} has no document body. Save it again from Word as a .docx file.");
            return string.Join("\n\n", body.ChildElements.Select(Block));
        }
        catch (Exception e) when (e is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException)
        {
            throw new DomainException($"{name} cannot be read as a Word document ({e.Message}). Save it again from Word as a .docx file, or check a text copy.");
        }
    }

    private static string Block(DocumentFormat.OpenXml.OpenXmlElement element) => element switch
    {
        Paragraph p => ParagraphText(p),
        Table t => string.Join("\n", t.Elements<TableRow>().Select(r => string.Join(" | ", r.Elements<TableCell>()
            .Select(c => string.Join(" ", c.Elements<Paragraph>().Select(ParagraphText)).Replace('\n', ' ').Trim())))),
        _ => "",
    };

    private static string ParagraphText(Paragraph paragraph) => string.Concat(paragraph.Descendants().Select(e => e switch
    {
        Text t => t.Text,
        TabChar => "\t",
        Break or CarriageReturn => "\n",
        _ => "",
    }));
}
