using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Scrutineer.Web.Tests;

/// <summary>A logger provider that keeps every event it is given (category, event, level, message, structured values).</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> entries = new();

    /// <summary>One event as written.</summary>
    public sealed record Entry(string Category, EventId EventId, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values)
    {
        /// <summary>A structured value as text ("" when absent).</summary>
        public string this[string key] => Values.TryGetValue(key, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";
    }

    /// <summary>Every event so far, oldest first.</summary>
    public IReadOnlyList<Entry> Entries => entries.ToArray();

    /// <summary>Events with the given event name (for example "SignInFailed").</summary>
    public IReadOnlyList<Entry> Named(string eventName) => Entries.Where(e => e.EventId.Name == eventName).ToList();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal);
            owner.entries.Enqueue(new Entry(category, eventId, logLevel, formatter(state, exception), values));
        }
    }
}
