using Microsoft.EntityFrameworkCore;
using Npgsql;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Data;

/// <summary>
/// The PostgreSQL role the web application and everyday commands run as, granted only what they need by the store's
/// owner (who runs <c>scrutineer init</c> and upgrades): read and write the data tables, append to the audit trail,
/// read the schema history. No DDL, no TRUNCATE, no trigger changes, no UPDATE or DELETE on the audit trail; it owns
/// nothing, so it cannot drop or alter a table or trigger. Granted again by every <c>init --grant-to</c>, so tables
/// added by an upgrade are covered. See docs/deployment.md §2.
/// </summary>
public static class ApplicationRole
{
    private const string AuditTable = "AuditEntries";
    private const string HistoryTable = "__SchemaHistory";

    /// <summary>Grants <paramref name="role"/> the application's privileges on the store's tables and sequences.</summary>
    /// <exception cref="DomainException">Not a PostgreSQL store, the role does not exist, or the name is not a plain role name.</exception>
    public static async Task GrantAsync(ScrutineerDb db, string role, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            throw new DomainException("--grant-to is for PostgreSQL stores: an SQLite store is one file, protected by its file permissions.");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(role, "^[a-z_][a-z0-9_]{0,62}$"))
        {
            throw new DomainException($"'{role}' is not a role name this command accepts: use lower-case letters, digits and underscores, starting with a letter (for example scrutineer_app).");
        }

        var exists = await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM pg_roles WHERE rolname = {role}").AnyAsync(cancellationToken);
        if (!exists)
        {
            throw new DomainException($"There is no PostgreSQL role '{role}'. Create it first (CREATE ROLE {role} LOGIN PASSWORD '…';), then run init --grant-to {role} again.");
        }

        var quoted = "\"" + role + "\"";
        string[] statements =
        [
            $"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {quoted}",
            $"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {quoted}",
            $"REVOKE CREATE ON SCHEMA public FROM {quoted}",
            $"GRANT USAGE ON SCHEMA public TO {quoted}",
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
            $"REVOKE INSERT, UPDATE, DELETE ON \"{HistoryTable}\" FROM {quoted}",
            $"REVOKE UPDATE, DELETE ON \"{AuditTable}\" FROM {quoted}",
            $"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
        ];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var statement in statements)
        {
#pragma warning disable EF1002 // the role name is checked against a strict pattern above and quoted
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
#pragma warning restore EF1002
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="ex"/> is PostgreSQL refusing a privilege (the application role trying DDL).</summary>
    public static bool IsPermissionDenied(Exception? ex) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } || ex?.InnerException is { } inner && IsPermissionDenied(inner);
}
