using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Data;

/// <summary>
/// A value the store cannot hold: longer than its column allows, or containing a NUL character. Raised before anything
/// is written, on both engines alike (SQLite would otherwise keep an over-long value that PostgreSQL refuses).
/// </summary>
/// <param name="column">Where: "Plans.Title".</param>
/// <param name="message">What is wrong, for the user.</param>
public sealed class StoreValueException(string column, string message) : DomainException(message)
{
    /// <summary>The table and column, for example "Plans.Title".</summary>
    public string Column { get; } = column;
}
