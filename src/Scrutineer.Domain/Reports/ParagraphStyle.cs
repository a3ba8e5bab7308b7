namespace Scrutineer.Domain.Reports;

/// <summary>How a paragraph is set.</summary>
public enum ParagraphStyle
{
    /// <summary>Body text.</summary>
    Normal,

    /// <summary>Bold: a label such as a unit heading inside a table cell ("SCD Update:").</summary>
    Strong,

    /// <summary>A notice the reader must not miss: missing data, a commitment with no approved update.</summary>
    Notice,

    /// <summary>The large title lines of a front page.</summary>
    Title,

    /// <summary>Small print: captions, sources, notes.</summary>
    Small,
}
