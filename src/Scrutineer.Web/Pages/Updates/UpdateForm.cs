using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Web.Pages.Updates;

/// <summary>What the writer's form (<c>_UpdateForm</c>) shows: the text and status being written, and whether the sensitive box is shown.</summary>
/// <param name="Version">The version the form was opened on.</param>
/// <param name="Commentary">The OFFICIAL part.</param>
/// <param name="SensitiveCommentary">The OFFICIAL-SENSITIVE part (shown only when <paramref name="ReadsSensitive"/>).</param>
/// <param name="ReadsSensitive">Whether the account may read, and so write, the sensitive part.</param>
/// <param name="Status">The delivery status chosen.</param>
/// <param name="Noun">"update" or "narrative".</param>
/// <param name="Report">The report the OFFICIAL part may be published in: "quarterly report", "strategy report".</param>
public sealed record UpdateForm(int Version, string? Commentary, string? SensitiveCommentary, bool ReadsSensitive, DeliveryStatus? Status, string Noun, string Report);
