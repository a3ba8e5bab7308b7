using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Scrutineer.LoadTest;

/// <summary>
/// <c>scrutineer serve</c> on the run's store, as a process of its own on a free 127.0.0.1 port, so that its memory
/// (VmRSS in /proc/PID/status) can be sampled and its log searched for 5xx answers.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private bool disposed;

    private ServerProcess(Process process, StreamWriter log, Uri url, string logPath)
    {
        this.process = process;
        this.log = log;
        Url = url;
        LogPath = logPath;
    }

    public Uri Url { get; }

    public string LogPath { get; }

    public int Id => process.Id;

    public static async Task<ServerProcess> StartAsync(string cli, string db, string work, CancellationToken ct)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "serve", "--db", db, "--urls", url.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        var logPath = Path.Combine(work, "serve.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, log, url, logPath);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server stopped (exit {process.ExitCode}); see {logPath}.");
            }

            try
            {
                using var health = await http.GetAsync(new Uri(url, "/health"), ct);
                if (health.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(500, ct);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"The server did not answer {url}health within 2 minutes; see {logPath}.");
    }

    /// <summary>The server's resident memory in MB, from /proc/PID/status (VmRSS).</summary>
    public double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        throw new InvalidOperationException("No VmRSS line in /proc status.");
    }

    /// <summary>
    /// Requests that failed in the server, as its log tells: unhandled exceptions (each one a 500) and lines with a 5xx
    /// status. (EF Core also logs a refused insert at Error level when the app then reports it as a conflict: not counted.)
    /// </summary>
    public int LoggedServerErrors()
    {
        lock (log)
        {
            log.Flush();
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains("\"StatusCode\":5", StringComparison.Ordinal) || line.Contains("\"Category\":\"Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware\"", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
