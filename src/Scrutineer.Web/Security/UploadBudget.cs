using System.Globalization;
using Scrutineer.Domain.Common;

namespace Scrutineer.Web.Security;

/// <summary>
/// The budget every uploaded file is read within (the data page's imports and the admin page's plan files), so that one
/// hostile or oversized upload cannot starve other users: at most <see cref="MaxAtOnce"/> uploads are read at once (a
/// further one waits up to <see cref="MaxWait"/> for its turn, then is refused); each is read on its own thread-pool
/// thread and stopped after <see cref="TimeAllowed"/>, or as soon as the server's managed memory grows by more than
/// <see cref="MemoryAllowed"/> while it is read (the readers check for the stop as they go). The readers' own limits (docs/reliability.md) refuse hostile files long
/// before either; the budget is the backstop. A stopped upload writes nothing: its transaction is never committed.
/// </summary>
/// <param name="timeAllowed">How long one upload may take; <see cref="TimeAllowed"/> when null.</param>
/// <param name="maxWait">How long an upload waits for its turn; <see cref="MaxWait"/> when null.</param>
/// <param name="memoryAllowed">How far managed memory may grow while uploads are read; <see cref="MemoryAllowed"/> when null.</param>
public sealed class UploadBudget(TimeSpan? timeAllowed = null, TimeSpan? maxWait = null, long? memoryAllowed = null) : IDisposable
{
    /// <summary>Uploads read at the same time.</summary>
    public const int MaxAtOnce = 2;

    /// <summary>How long an upload may take to read and import: the largest real imports take a few seconds.</summary>
    public static readonly TimeSpan TimeAllowed = TimeSpan.FromSeconds(60);

    /// <summary>How long an upload waits for another to finish before it is refused.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>How far the managed heap may grow while uploads are read: 1 GB.</summary>
    public const long MemoryAllowed = 1024L * 1024 * 1024;

    private static readonly TimeSpan MemoryCheckInterval = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim turns = new(MaxAtOnce, MaxAtOnce);

    /// <summary>
    /// Reads an upload with <paramref name="read"/> within the budget and returns what it returned.
    /// </summary>
    /// <exception cref="DomainException">The server is busy with other uploads, or the upload broke the time or memory budget (the message names <paramref name="files"/> and the limit).</exception>
    /// <exception cref="OperationCanceledException">The user's request was aborted.</exception>
    public async Task<T> ReadAsync<T>(string files, Func<CancellationToken, Task<T>> read, CancellationToken requestAborted)
    {
        if (!await turns.WaitAsync(maxWait ?? MaxWait, requestAborted))
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture,
                $"{files}: not imported, because the server is already reading {MaxAtOnce} uploads. Nothing was written; try again in a minute."));
        }

        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
            var time = timeAllowed ?? TimeAllowed;
            var memory = memoryAllowed ?? MemoryAllowed;
            budget.CancelAfter(time);
            var start = GC.GetTotalMemory(forceFullCollection: false);
            var overMemory = false;
            using var watch = new Timer(_ =>
            {
                if (GC.GetTotalMemory(forceFullCollection: false) - start > memory)
                {
                    overMemory = true;
                    budget.Cancel();
                }
            }, null, MemoryCheckInterval, MemoryCheckInterval);

            try
            {
                return await Task.Run(() => read(budget.Token), budget.Token);
            }
            catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
            {
                throw new DomainException(overMemory
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"{files}: not imported, because reading it needed more than the {memory / (1024 * 1024):N0} MB of memory an upload may use. Nothing was written; check the file is an ordinary one of its kind.")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{files}: not imported, because reading it took longer than the {time.TotalSeconds:N0} seconds an upload may take. Nothing was written; split it into smaller files."));
            }
        }
        finally
        {
            turns.Release();
        }
    }

    public void Dispose() => turns.Dispose();
}
