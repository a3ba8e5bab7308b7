using System.Diagnostics;
using Npgsql;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Backup;

/// <summary>
/// Runs PostgreSQL's client tools (pg_dump, pg_restore; on PATH or in <c>SCRUTINEER_PG_BIN</c>) against a store,
/// passing the connection's password and TLS settings through the environment as libpq names them
/// (SSL Mode=VerifyFull is PGSSLMODE=verify-full; Root Certificate is PGSSLROOTCERT).
/// </summary>
internal static class PgTools
{
    /// <summary>Names a folder holding pg_dump and pg_restore when they are not on PATH.</summary>
    public const string BinEnvironmentVariable = "SCRUTINEER_PG_BIN";

    /// <summary>Runs <paramref name="tool"/> connected to <paramref name="store"/>; returns what it printed.</summary>
    public static Task<string> RunAsync(string tool, StoreLocation store, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(store.ConnectionString);
        var start = Start(tool);
        start.ArgumentList.Add("--host=" + connection.Host);
        start.ArgumentList.Add("--port=" + connection.Port.ToString(EnGb.Culture));
        if (!string.IsNullOrEmpty(connection.Username))
        {
            start.ArgumentList.Add("--username=" + connection.Username);
        }

        start.ArgumentList.Add("--no-password");
        start.ArgumentList.Add("--dbname=" + connection.Database);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The password goes through the environment, never the command line (visible to other users in ps).
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        if (SslMode(connection.SslMode) is { } mode)
        {
            start.Environment["PGSSLMODE"] = mode;
        }

        if (!string.IsNullOrEmpty(connection.RootCertificate))
        {
            start.Environment["PGSSLROOTCERT"] = connection.RootCertificate;
        }

        if (!string.IsNullOrEmpty(connection.SslCertificate))
        {
            start.Environment["PGSSLCERT"] = connection.SslCertificate;
        }

        if (!string.IsNullOrEmpty(connection.SslKey))
        {
            start.Environment["PGSSLKEY"] = connection.SslKey;
        }

        return WaitAsync(tool, start, $" for {store.Description}", cancellationToken);
    }

    /// <summary>Runs <paramref name="tool"/> on files only (no connection): for <c>pg_restore --list</c> and the like.</summary>
    public static Task<string> RunOfflineAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = Start(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return WaitAsync(tool, start, "", cancellationToken);
    }

    /// <summary>libpq's name for an Npgsql SSL mode; null to leave libpq's default (prefer).</summary>
    public static string? SslMode(SslMode mode) => mode switch
    {
        Npgsql.SslMode.Disable => "disable",
        Npgsql.SslMode.Allow => "allow",
        Npgsql.SslMode.Require => "require",
        Npgsql.SslMode.VerifyCA => "verify-ca",
        Npgsql.SslMode.VerifyFull => "verify-full",
        _ => null,
    };

    private static ProcessStartInfo Start(string tool) => new(Find(tool))
    {
        RedirectStandardError = true,
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };

    private static async Task<string> WaitAsync(string tool, ProcessStartInfo start, string forWhat, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start) ?? throw new DomainException($"{tool} could not be started.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var message = (await error).Trim();
        var printed = await output;
        return process.ExitCode == 0
            ? printed
            : throw new DomainException($"{tool} failed (exit code {process.ExitCode}){forWhat}: {message}");
    }

    private static string Find(string tool)
    {
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable(BinEnvironmentVariable) is { Length: > 0 } bin)
        {
            folders.Add(bin);
        }

        folders.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var folder in folders)
        {
            var candidate = Path.Combine(folder, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DomainException(
            $"{tool} was not found. Install the PostgreSQL client tools matching the server's version (Debian: postgresql-client) or set {BinEnvironmentVariable} to the folder that holds {tool}.");
    }
}
