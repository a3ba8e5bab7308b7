using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// How the full version of a report shows OFFICIAL-SENSITIVE text (a label before each sensitive part, so the reader
/// knows which part it is) and which marking each version carries.
/// </summary>
internal static class SensitivePart
{
    /// <summary>The label printed before each sensitive part of a full version: "OFFICIAL-SENSITIVE" in bold.</summary>
    public static ReportParagraph Label() => new(Classification.OfficialSensitive.Marking(), ParagraphStyle.Strong);

    /// <summary>
    /// The marking of a version: a public version is OFFICIAL (it holds approved OFFICIAL text only); a full version is
    /// OFFICIAL-SENSITIVE when it holds sensitive text, and otherwise carries the document's own classification.
    /// </summary>
    public static Classification Marking(ReportVersion version, bool holdsSensitive, Classification own) => version switch
    {
        ReportVersion.Public => Classification.Official,
        ReportVersion.Full => holdsSensitive ? Classification.OfficialSensitive : own,
    };
}
