namespace Scrutineer.Application.Data;

/// <summary>Which database engine holds the store.</summary>
public enum StoreProvider
{
    /// <summary>An SQLite file: the embedded default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: production.</summary>
    PostgreSql,
}
