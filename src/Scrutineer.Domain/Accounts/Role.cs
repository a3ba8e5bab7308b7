namespace Scrutineer.Domain.Accounts;

/// <summary>What a signed-in person may do. Each account has exactly one role.</summary>
public enum Role
{
    /// <summary>Manages users, units, roles and plans; may also do everything an analyst does.</summary>
    Administrator,

    /// <summary>Performance unit: opens, closes and publishes rounds, corrects any update, runs reports and imports.</summary>
    Analyst,

    /// <summary>Writes and submits quarterly updates for the units in the account's scope, and the narratives of the strategy strands it leads.</summary>
    Contributor,

    /// <summary>Thematic lead or approver: approves or returns submitted updates on the priorities in scope and narratives of the strands in scope.</summary>
    Reviewer,

    /// <summary>Reads the plan, approved updates, insights and reports (the Commissioner's office).</summary>
    Viewer,
}
