namespace Scrutineer.Application.Audit;

/// <summary>
/// The ambient "who is acting" for the audit trail, set once per command-line run or web request:
/// <c>using var scope = AuditContext.Begin("cli:alice", clock);</c>. Flows through async calls; nested scopes restore
/// the outer one on dispose.
/// </summary>
public static class AuditContext
{
    /// <summary>The actor recorded when no scope is open.</summary>
    public const string UnknownActor = "system";

    private static readonly AsyncLocal<Scope?> CurrentScope = new();

    /// <summary>Who is acting now ("system" outside any scope).</summary>
    public static string Actor => CurrentScope.Value?.Actor ?? UnknownActor;

    /// <summary>The clock that stamps audit entries (the system clock outside any scope).</summary>
    public static TimeProvider Clock => CurrentScope.Value?.Clock ?? TimeProvider.System;

    /// <summary>Starts acting as <paramref name="actor"/> until the returned scope is disposed.</summary>
    /// <exception cref="ArgumentException"><paramref name="actor"/> is blank.</exception>
    public static IDisposable Begin(string actor, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var scope = new Scope(actor.Trim(), clock ?? Clock, CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    private sealed class Scope(string actor, TimeProvider clock, Scope? outer) : IDisposable
    {
        public string Actor { get; } = actor;

        public TimeProvider Clock { get; } = clock;

        public void Dispose()
        {
            if (ReferenceEquals(CurrentScope.Value, this))
            {
                CurrentScope.Value = outer;
            }
        }
    }
}
