using System.Collections.Concurrent;

namespace Scrutineer.LoadTest;

/// <summary>Every request's kind, status, latency and start, and every save's outcome, from all contributors at once.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<(RequestKind Kind, int Status, double Milliseconds, DateTimeOffset At)> requests = new();
    private readonly ConcurrentQueue<SaveOutcome> saves = new();

    public IReadOnlyCollection<(RequestKind Kind, int Status, double Milliseconds, DateTimeOffset At)> Requests => requests;

    public IReadOnlyCollection<SaveOutcome> Saves => saves;

    /// <summary>Requests that got no answer at all (connection error or timeout).</summary>
    public int NoAnswer => requests.Count(r => r.Status == 0);

    public void Add(RequestKind kind, int status, double milliseconds, DateTimeOffset at) => requests.Enqueue((kind, status, milliseconds, at));

    public void Add(SaveOutcome outcome) => saves.Enqueue(outcome);
}
