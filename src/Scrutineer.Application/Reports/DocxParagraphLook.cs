namespace Scrutineer.Application.Reports;

/// <summary>How a paragraph of a Word report is set, as <see cref="DocxStyleSheet"/> resolves it; lengths in points.</summary>
/// <param name="Size">The size of its text.</param>
/// <param name="Bold">Whether its text is bold unless a run says otherwise.</param>
/// <param name="Before">Space above it.</param>
/// <param name="After">Space below it.</param>
/// <param name="Indent">Its left indent.</param>
/// <param name="LineFactor">Its line spacing as a multiple of single spacing ("auto" spacing).</param>
/// <param name="ExactLine">Its line height when set exactly, otherwise null.</param>
/// <param name="KeepNext">Whether it is kept on the page of the paragraph that follows it.</param>
internal readonly record struct DocxParagraphLook(
    double Size,
    bool Bold,
    double Before,
    double After,
    double Indent,
    double LineFactor,
    double? ExactLine,
    bool KeepNext);
