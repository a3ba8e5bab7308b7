using System.CommandLine;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;

namespace Scrutineer.Cli;

/// <summary>What every command needs: where output goes, the clock, and the store named by <c>--db</c>.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, TimeProvider clock)
{
    /// <summary><c>--db</c>: an SQLite file path or a PostgreSQL connection string; on every command.</summary>
    public static readonly Option<string?> DbOption = new("--db")
    {
        Description = $"The store: an SQLite file path or a PostgreSQL connection string (Host=…;Database=…). "
            + $"Default: ${StoreLocation.EnvironmentVariable}, else {StoreLocation.DefaultSqlitePath}.",
        Recursive = true,
    };

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public TimeProvider Clock { get; } = clock;

    /// <summary>
    /// Opens the store named on the command line, upgrading its schema first. What an upgrade moved (text marked the old
    /// way, now in its OFFICIAL-SENSITIVE part) is reported on stderr, a line each. Only the commands that make a store
    /// (<c>init</c>, <c>demo</c>, <c>serve</c>) pass <paramref name="create"/>: any other command refuses an SQLite file
    /// that is not there, so a mistyped <c>--db</c> names the mistake rather than leaving an empty store behind.
    /// </summary>
    /// <exception cref="CliException">No SQLite file at the path, and the command does not make stores.</exception>
    public async Task<ScrutineerDb> OpenStoreAsync(ParseResult parse, CancellationToken cancellationToken, bool create = false)
    {
        var location = Location(parse);
        if (!create)
        {
            RefuseMissing(location, parse);
        }

        var db = location.Open();
        foreach (var line in await StoreSchema.UpgradeAsync(db, cancellationToken))
        {
            await Error.WriteLineAsync("Store upgrade: " + line);
        }

        return db;
    }

    /// <summary>
    /// Opens the store named on the command line for a command that only reads: its own connection, no EF context
    /// (<see cref="StoreReader"/>). A store that is not current is first upgraded as
    /// <see cref="OpenStoreAsync"/> does; an SQLite file that is not there is refused.
    /// </summary>
    public Task<StoreReader> OpenReaderAsync(ParseResult parse, CancellationToken cancellationToken) =>
        OpenCurrentAsync(parse, location => StoreReader.OpenAsync(location, cancellationToken), cancellationToken);

    /// <summary>
    /// Opens the store named on the command line for a bulk import: its own connection and transaction, no EF context
    /// (<see cref="StoreWriter"/>), upgraded and refused as <see cref="OpenReaderAsync"/>.
    /// </summary>
    public Task<StoreWriter> OpenWriterAsync(ParseResult parse, CancellationToken cancellationToken) =>
        OpenCurrentAsync(parse, location => StoreWriter.OpenAsync(location, cancellationToken), cancellationToken);

    private async Task<T> OpenCurrentAsync<T>(ParseResult parse, Func<StoreLocation, Task<T?>> open, CancellationToken cancellationToken)
        where T : class
    {
        var location = Location(parse);
        RefuseMissing(location, parse);
        if (await open(location) is { } opened)
        {
            return opened;
        }

        await (await OpenStoreAsync(parse, cancellationToken)).DisposeAsync();
        return await open(location) ?? throw new InvalidOperationException($"The {location.Description} is not current after its upgrade.");
    }

    /// <summary>Refuses an SQLite store file that does not exist, saying where it was looked for and how to make one.</summary>
    private static void RefuseMissing(StoreLocation location, ParseResult parse)
    {
        if (location.Provider != StoreProvider.Sqlite || File.Exists(location.SqlitePath))
        {
            return;
        }

        if (Directory.Exists(location.SqlitePath))
        {
            throw new CliException($"{location.SqlitePath} is a folder: give the path of the store's file, for example {Path.Combine(location.SqlitePath!, "scrutineer.db")}.");
        }

        var named = parse.GetValue(DbOption) is { Length: > 0 } ? "--db names"
            : Environment.GetEnvironmentVariable(StoreLocation.EnvironmentVariable) is { Length: > 0 } ? $"${StoreLocation.EnvironmentVariable} names"
            : "the default store is";
        throw new CliException($"There is no store at {location.SqlitePath} ({named} that file, and it does not exist). "
            + $"Check the path, or create the store first with 'scrutineer init --db {location.SqlitePath}' (or 'scrutineer demo --db {location.SqlitePath}' for the demo force). Nothing was written.");
    }

    /// <summary>The store location named on the command line.</summary>
    /// <exception cref="CliException"><c>--db</c> given empty (which would otherwise fall back to the default store).</exception>
    public static StoreLocation Location(ParseResult parse) =>
        parse.GetResult(DbOption) is { Implicit: false } && string.IsNullOrWhiteSpace(parse.GetValue(DbOption))
            ? throw new CliException("--db is empty: give an SQLite file path or a PostgreSQL connection string (Host=…;Database=…).")
            : StoreLocation.Resolve(parse.GetValue(DbOption));

    /// <summary>Errors whose message is for the user: bad input, a broken workflow rule, a missing file.</summary>
    public static bool IsUserError(Exception ex) =>
        ex is DomainException or CliException or FormatException or FileNotFoundException or DirectoryNotFoundException
            or UnauthorizedAccessException or ArgumentException;
}
