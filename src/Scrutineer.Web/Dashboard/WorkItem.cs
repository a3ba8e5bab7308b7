namespace Scrutineer.Web.Dashboard;

/// <summary>One line of what the account has to do, leading its dashboard: "3 updates to write".</summary>
/// <param name="Count">How many.</param>
/// <param name="Text">The line, count included, in English.</param>
/// <param name="Href">Where the work is done.</param>
public sealed record WorkItem(int Count, string Text, string Href);
