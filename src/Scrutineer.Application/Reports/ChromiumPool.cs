using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Reports;

/// <summary>
/// A warm headless Chromium shared by every PDF a process prints: one browser started on the first print and kept,
/// at most <see cref="PdfPrintLimits.Prints"/> tabs printing at once, and up to <see cref="PdfPrintLimits.Queue"/>
/// more waiting their turn in order. A browser that has ended (crashed or killed) is replaced by a new one on the
/// next print, and a print it took down with it is tried once more on the new one. A page asked for while the very
/// same page is printing (several people downloading one report at once) shares that print instead of taking a tab of
/// its own. The web server holds one for its life (disposed on shutdown); the command line holds one for one command.
/// </summary>
public sealed class ChromiumPool(PdfPrintLimits limits) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Task<byte[]>> printingNow = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim printing = new(limits.Prints, limits.Prints);
    private readonly SemaphoreSlim starting = new(1, 1);
    private HeadlessChromium? browser;
    private int waiting;
    private int busy;
    private bool disposed;

    /// <summary>The limits this pool prints within.</summary>
    public PdfPrintLimits Limits => limits;

    /// <summary>Browsers started so far (1 while the first keeps running).</summary>
    public int BrowsersStarted { get; private set; }

    /// <summary>The most prints that have run at once.</summary>
    public int MostPrintingAtOnce { get; private set; }

    /// <summary>The most prints that have waited at once for a free tab.</summary>
    public int MostWaitingAtOnce { get; private set; }

    /// <summary>Prints waiting for a free tab now.</summary>
    public int Waiting
    {
        get
        {
            lock (printing)
            {
                return waiting;
            }
        }
    }

    /// <summary>The running browser's process id, or null before the first print.</summary>
    public int? BrowserProcessId => browser is { HasEnded: false } b ? b.ProcessId : null;

    /// <summary>Identical pages printed once: how many asked for a page that was printing already and shared its PDF.</summary>
    public int PrintsShared { get; private set; }

    /// <summary>Requests waiting now for a print of the very same page to end, to share its PDF.</summary>
    public int Sharing { get; private set; }

    /// <summary>
    /// Prints the page <paramref name="html"/>, written first to <paramref name="file"/>, to PDF once a tab is free; or,
    /// when the very same page (byte for byte) is printing already, waits for that print and shares its PDF, which is
    /// what a print of this page would make. A print given up by the one who asked for it is not shared: whoever shared it
    /// prints the page again.
    /// </summary>
    /// <exception cref="DomainException">The queue is full: the server is printing as many PDFs as it can take.</exception>
    /// <exception cref="InvalidOperationException">Chromium could not start, load or print the page.</exception>
    public async Task<byte[]> PrintAsync(string html, string file, CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(html)));
        while (true)
        {
            if (printingNow.TryGetValue(key, out var running))
            {
                lock (printing)
                {
                    Sharing++;
                }

                try
                {
                    var shared = await running.WaitAsync(cancellationToken);
                    lock (printing)
                    {
                        PrintsShared++;
                    }

                    return shared;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    continue; // given up by the one who asked for it: print it here
                }
                finally
                {
                    lock (printing)
                    {
                        Sharing--;
                    }
                }
            }

            var print = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!printingNow.TryAdd(key, print.Task))
            {
                continue;
            }

            byte[] pdf;
            try
            {
                await File.WriteAllTextAsync(file, html, cancellationToken);
                pdf = await PrintAsync(new Uri(file), cancellationToken);
            }
            catch (Exception e)
            {
                // Out of the list before the print is ended, so a page asked for from now on starts a print of its own.
                printingNow.TryRemove(new KeyValuePair<string, Task<byte[]>>(key, print.Task));
                if (e is OperationCanceledException)
                {
                    print.SetCanceled(CancellationToken.None);
                }
                else
                {
                    print.SetException(e);
                    _ = print.Task.Exception; // seen here, whether or not another print shares it
                }

                throw;
            }

            printingNow.TryRemove(new KeyValuePair<string, Task<byte[]>>(key, print.Task));
            print.SetResult(pdf);
            return pdf;
        }
    }

    /// <summary>Prints <paramref name="page"/> (a file: address) to PDF once a tab is free.</summary>
    /// <exception cref="DomainException">The queue is full: the server is printing as many PDFs as it can take.</exception>
    /// <exception cref="InvalidOperationException">Chromium could not start, load or print the page.</exception>
    public async Task<byte[]> PrintAsync(Uri page, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await WaitForTabAsync(cancellationToken);
        try
        {
            lock (printing)
            {
                MostPrintingAtOnce = Math.Max(MostPrintingAtOnce, ++busy);
            }

            try
            {
                return await (await BrowserAsync(cancellationToken)).PrintAsync(page, cancellationToken);
            }
            catch (ChromiumGoneException)
            {
                // The browser ended under this print (another print may have crashed it): once more on a new one.
                return await (await BrowserAsync(cancellationToken)).PrintAsync(page, cancellationToken);
            }
        }
        finally
        {
            lock (printing)
            {
                busy--;
            }

            printing.Release();
        }
    }

    /// <summary>
    /// Takes a print slot as a print does (waiting in the queue like one) and keeps it until the result is disposed:
    /// with <see cref="PdfPrintLimits.Prints"/> of 1, the prints asked for meanwhile queue behind it.
    /// </summary>
    /// <exception cref="DomainException">The queue is full.</exception>
    public async Task<IAsyncDisposable> HoldAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await WaitForTabAsync(cancellationToken);
        return new Slot(printing);
    }

    private sealed class Slot(SemaphoreSlim printing) : IAsyncDisposable
    {
        private int released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                printing.Release();
            }

            return ValueTask.CompletedTask;
        }
    }

    private async Task WaitForTabAsync(CancellationToken cancellationToken)
    {
        if (printing.Wait(0))
        {
            return;
        }

        lock (printing)
        {
            if (waiting >= limits.Queue)
            {
                throw new DomainException(
                    $"The server is printing as many PDFs as it takes at once ({limits.Prints} printing, {limits.Queue} waiting). Try again in a minute, or choose DOCX or HTML.");
            }

            MostWaitingAtOnce = Math.Max(MostWaitingAtOnce, ++waiting);
        }

        try
        {
            await printing.WaitAsync(cancellationToken);
        }
        finally
        {
            lock (printing)
            {
                waiting--;
            }
        }
    }

    private async Task<HeadlessChromium> BrowserAsync(CancellationToken cancellationToken)
    {
        if (browser is { HasEnded: false } running)
        {
            return running;
        }

        await starting.WaitAsync(cancellationToken);
        try
        {
            if (browser is { HasEnded: false } started)
            {
                return started;
            }

            if (browser is not null)
            {
                await browser.DisposeAsync();
                browser = null;
            }

            browser = await HeadlessChromium.StartAsync(limits.Chromium, cancellationToken);
            BrowsersStarted++;
            return browser;
        }
        finally
        {
            starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        await starting.WaitAsync();
        try
        {
            if (browser is not null)
            {
                await browser.DisposeAsync();
                browser = null;
            }
        }
        finally
        {
            starting.Release();
        }
    }
}
