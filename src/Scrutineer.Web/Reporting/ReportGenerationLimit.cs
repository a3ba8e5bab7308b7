using System.Collections.Concurrent;

namespace Scrutineer.Web.Reporting;

/// <summary>
/// How many reports one account may be generating at once on this instance (<c>Reports:PerUserLimit</c>, default 2):
/// a report (a PDF above all) takes seconds of CPU, so one account pressing "download" repeatedly cannot crowd out
/// everyone else. A request over the limit is answered 429 with what to do.
/// </summary>
public sealed class ReportGenerationLimit(int perUser)
{
    /// <summary>The setting naming the limit.</summary>
    public const string Setting = "Reports:PerUserLimit";

    private readonly ConcurrentDictionary<string, int> running = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The most reports one account may generate at once.</summary>
    public int PerUser { get; } = perUser >= 1 ? perUser : throw new ArgumentOutOfRangeException(nameof(perUser), perUser, "At least one report at a time.");

    /// <summary>"You are already generating 2 reports…": what an account over the limit is told.</summary>
    public string Refusal => $"You are already generating {PerUser} {(PerUser == 1 ? "report" : "reports")}. Wait for {(PerUser == 1 ? "it" : "them")} to finish, then try again.";

    /// <summary>A slot for <paramref name="account"/> (dispose it when the report is written), or null when it is at the limit.</summary>
    public IDisposable? TryEnter(string account)
    {
        while (true)
        {
            var current = running.GetOrAdd(account, 0);
            if (current >= PerUser)
            {
                return null;
            }

            if (running.TryUpdate(account, current + 1, current))
            {
                return new Slot(this, account);
            }
        }
    }

    private void Leave(string account) => running.AddOrUpdate(account, 0, (_, n) => Math.Max(0, n - 1));

    private sealed class Slot(ReportGenerationLimit limit, string account) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                limit.Leave(account);
            }
        }
    }
}
