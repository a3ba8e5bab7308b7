using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Scrutineer.Application.Data;

namespace Scrutineer.Application.Imports;

/// <summary>
/// Writes observations inside the caller's transaction: on PostgreSQL with one binary COPY, on SQLite in multi-row
/// INSERT batches (thousands of aggregated rows in a few statements instead of one EF entity each). Either way the rows
/// go when the transaction rolls back.
/// </summary>
internal static class ObservationWriter
{
    private const int RowsPerBatch = 500;

    public static Task<int> InsertAsync(ScrutineerDb db, IEnumerable<ObservationRow> rows, CancellationToken cancellationToken) =>
        InsertAsync(StoreWriter.For(db), rows, cancellationToken);

    public static async Task<int> InsertAsync(StoreWriter store, IEnumerable<ObservationRow> rows, CancellationToken cancellationToken)
    {
        var (connection, transaction) = (store.Connection, store.Writing());
        if (connection is NpgsqlConnection postgres)
        {
            return await CopyAsync(postgres, rows, cancellationToken);
        }

        var written = 0;
        var batch = new List<ObservationRow>(RowsPerBatch);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == RowsPerBatch)
            {
                written += await WriteBatchAsync(connection, transaction, batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            written += await WriteBatchAsync(connection, transaction, batch, cancellationToken);
        }

        return written;
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, IEnumerable<ObservationRow> rows, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"Observations\" (\"MeasureId\", \"AreaId\", \"Kind\", \"Period\", \"Value\", \"Numerator\", \"Denominator\") FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(row.MeasureId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.AreaId, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(StoreRows.Month(row.Period), NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Value, NpgsqlDbType.Numeric, cancellationToken);
            await WriteAsync(copy, row.Numerator, cancellationToken);
            await WriteAsync(copy, row.Denominator, cancellationToken);
        }

        return (int)await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes a decimal (null as NULL) to a binary COPY row.</summary>
    internal static async Task WriteAsync(NpgsqlBinaryImporter copy, decimal? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.Numeric, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    private static async Task<int> WriteBatchAsync(DbConnection connection, DbTransaction transaction, List<ObservationRow> batch, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO \"Observations\" (\"MeasureId\", \"AreaId\", \"Kind\", \"Period\", \"Value\", \"Numerator\", \"Denominator\") VALUES ");
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i];
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}({row.MeasureId},{row.AreaId},'{row.Kind}',{StoreRows.Month(row.Period)},@v{i},@n{i},@d{i})");
            Add(command, "@v" + i.ToString(CultureInfo.InvariantCulture), row.Value);
            Add(command, "@n" + i.ToString(CultureInfo.InvariantCulture), row.Numerator);
            Add(command, "@d" + i.ToString(CultureInfo.InvariantCulture), row.Denominator);
        }

        command.CommandText = sql.ToString();
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds a decimal parameter (null as DBNull) to a batched command.</summary>
    internal static void Add(DbCommand command, string name, decimal? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = System.Data.DbType.Decimal;
        parameter.Value = value is { } v ? v : DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
