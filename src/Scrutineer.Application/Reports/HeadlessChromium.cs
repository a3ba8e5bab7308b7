using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scrutineer.Application.Reports;

/// <summary>
/// One running headless Chromium (Debian's <c>chromium</c>), driven over the DevTools protocol on a pipe
/// (<c>--remote-debugging-pipe</c>: messages are JSON ended by a NUL byte, read from its file 4 and written to its file 3),
/// so no port is opened. Each print opens a tab, loads the page, prints it and closes the tab; several tabs may print at
/// once. When the process ends, every call in flight fails with <see cref="ChromiumGoneException"/>.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PrintLimit = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly Stream commands;
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> replies = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> loads = new(StringComparer.Ordinal);
    private readonly Task reading;
    private readonly StringBuilder errors = new();
    private int lastId;
    private volatile bool ended;

    private HeadlessChromium(Process process, DirectoryInfo profile)
    {
        this.process = process;
        this.profile = profile;
        commands = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                if (e.Data is not null && errors.Length < 4000)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => FailAll();
        reading = Task.Run(ReadAsync);
    }

    /// <summary>The browser's process id (tests end it to prove the pool starts another).</summary>
    public int ProcessId => process.Id;

    /// <summary>Whether the browser has ended (crashed, killed or disposed).</summary>
    public bool HasEnded => ended || reading.IsCompleted || process.HasExited;

    /// <summary>Starts Chromium at <paramref name="chromium"/> with a profile of its own in a temporary folder, and waits until it answers.</summary>
    /// <exception cref="InvalidOperationException">Chromium did not start or did not answer within 30 seconds.</exception>
    public static async Task<HeadlessChromium> StartAsync(string chromium, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("scrutineer-chromium-");

        // The shell hands the pipe's two ends to Chromium as files 3 (commands in) and 4 (answers out); .NET starts a
        // process with standard input, output and error only.
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
        [
            "-c", "exec \"$0\" \"$@\" 3<&0 4>&1 1>&2 </dev/null", chromium,
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-extensions", "--disable-sync", "--no-default-browser-check", "--mute-audio",
            "--disable-dev-shm-usage", "--remote-debugging-pipe", "--user-data-dir=" + profile.FullName, "about:blank",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {chromium}.");
        var browser = new HeadlessChromium(process, profile);
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(StartLimit);
            await browser.SendAsync("Browser.getVersion", null, null, limit.Token);
            return browser;
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChromiumGoneException && !cancellationToken.IsCancellationRequested)
        {
            var said = browser.Said();
            await browser.DisposeAsync();
            throw new InvalidOperationException($"Chromium ({chromium}) did not start: {said}", ex);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens <paramref name="page"/> (a file: address) in a tab of its own, waits for it to load, prints it and returns the PDF.</summary>
    /// <exception cref="ChromiumGoneException">The browser ended before the PDF was printed.</exception>
    /// <exception cref="InvalidOperationException">Chromium could not load or print the page.</exception>
    /// <exception cref="TimeoutException">The page was not printed within 90 seconds.</exception>
    public async Task<byte[]> PrintAsync(Uri page, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(PrintLimit);
        try
        {
            return await PrintWithinAsync(page, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Chromium did not print the report within {PrintLimit.TotalSeconds:0} seconds.");
        }
    }

    private async Task<byte[]> PrintWithinAsync(Uri page, CancellationToken cancellationToken)
    {
        var target = (await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken)).GetProperty("targetId").GetString()!;
        try
        {
            var session = (await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true }, null, cancellationToken))
                .GetProperty("sessionId").GetString()!;
            await SendAsync("Page.enable", null, session, cancellationToken);
            var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            loads[session] = loaded;
            try
            {
                var navigation = await SendAsync("Page.navigate", new JsonObject { ["url"] = page.AbsoluteUri }, session, cancellationToken);
                if (navigation.TryGetProperty("errorText", out var failed) && failed.GetString() is { Length: > 0 } why)
                {
                    throw new InvalidOperationException($"Chromium could not open the report ({why}).");
                }

                await loaded.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                loads.TryRemove(session, out _);
            }

            await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "document.fonts.ready.then(() => true)", ["awaitPromise"] = true }, session, cancellationToken);
            var printed = await SendAsync(
                "Page.printToPDF",
                new JsonObject { ["printBackground"] = true, ["preferCSSPageSize"] = true, ["displayHeaderFooter"] = false },
                session,
                cancellationToken);
            return printed.GetProperty("data").GetBytesFromBase64();
        }
        finally
        {
            if (!HasEnded)
            {
                try
                {
                    await SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = target }, null, CancellationToken.None);
                }
                catch (ChromiumGoneException)
                {
                    // The browser ended while the tab closed: nothing is left to close.
                }
            }
        }
    }

    /// <summary>Sends one DevTools command (to a tab's <paramref name="session"/>, or to the browser) and returns its result.</summary>
    private async Task<JsonElement> SendAsync(string method, JsonObject? parameters, string? session, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref lastId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        replies[id] = reply;
        try
        {
            var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
            if (session is not null)
            {
                message["sessionId"] = session;
            }

            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
            await writing.WaitAsync(cancellationToken);
            try
            {
                if (HasEnded)
                {
                    throw Gone();
                }

                await commands.WriteAsync(bytes, cancellationToken);
                commands.WriteByte(0);
                await commands.FlushAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                FailAll();
                throw Gone(ex);
            }
            finally
            {
                writing.Release();
            }

            return await reply.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            replies.TryRemove(id, out _);
        }
    }

    private async Task ReadAsync()
    {
        var answers = process.StandardOutput.BaseStream;
        var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            int count;
            while ((count = await answers.ReadAsync(buffer)) > 0)
            {
                var start = 0;
                for (var i = 0; i < count; i++)
                {
                    if (buffer[i] == 0)
                    {
                        message.Write(buffer, start, i - start);
                        Dispatch(message.GetBuffer().AsSpan(0, (int)message.Length));
                        message.SetLength(0);
                        start = i + 1;
                    }
                }

                message.Write(buffer, start, count - start);
            }
        }
        catch (IOException)
        {
            // The pipe broke: the browser has gone, which is said to every caller below.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while reading.
        }
        finally
        {
            FailAll();
        }
    }

    /// <summary>The browser has gone (its pipe closed or its process ended): every call waiting on it fails.</summary>
    private void FailAll()
    {
        ended = true;
        var gone = Gone();
        foreach (var reply in replies.Values)
        {
            reply.TrySetException(gone);
        }

        foreach (var load in loads.Values)
        {
            load.TrySetException(gone);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var id))
        {
            if (replies.TryGetValue(id.GetInt32(), out var reply))
            {
                if (root.TryGetProperty("error", out var error))
                {
                    reply.TrySetException(new InvalidOperationException($"Chromium refused a command: {error.GetProperty("message").GetString()}"));
                }
                else
                {
                    reply.TrySetResult(root.GetProperty("result").Clone());
                }
            }
        }
        else if (root.TryGetProperty("method", out var method) && method.GetString() == "Page.loadEventFired"
                 && root.TryGetProperty("sessionId", out var session) && loads.TryGetValue(session.GetString()!, out var load))
        {
            load.TrySetResult();
        }
    }

    private ChromiumGoneException Gone(Exception? inner = null) => new($"Chromium ended while printing: {Said()}", inner);

    private string Said()
    {
        lock (errors)
        {
            var text = errors.ToString().Trim();
            return text.Length == 0 ? "it said nothing." : text.Length <= 600 ? text : text[^600..];
        }
    }

    public async ValueTask DisposeAsync()
    {
        ended = true;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or not letting go: its temporary profile is left for the system to clean.
        }

        try
        {
            await reading.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The reader ends when the pipe closes.
        }

        process.Dispose();
        writing.Dispose();
        try
        {
            profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temporary folder is cleaned by the system.
        }
    }
}
