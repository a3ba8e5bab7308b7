using Xunit;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Scrutineer.Testing;

/// <summary>
/// A real SMTP server on 127.0.0.1 for the email tests: Debian's aiosmtpd (installed by <c>./test.sh</c>) delivering to
/// a Maildir of its own, read back as parsed messages. A missing aiosmtpd fails the test with what to install.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process process;
    private readonly string maildir;

    private SmtpTestServer(Process process, string maildir, int port)
    {
        this.process = process;
        this.maildir = maildir;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The settings a sender needs to reach this server ("Smtp:Host" and so on).</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "Scrutineer <scrutineer@demo-force.example>",
    };

    /// <summary>Starts a server on a free port and waits until it answers.</summary>
    public static async Task<SmtpTestServer> StartAsync()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: install python3-aiosmtpd (./test.sh does) to run the email tests.");
        var maildir = Path.Combine(Path.GetTempPath(), "scrutineer-tests", "maildir-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.GetDirectoryName(maildir)!); // aiosmtpd makes the Maildir itself (new/, cur/, tmp/)
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");

        // Drained as it runs, so a full pipe never stalls the server.
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var server = new SmtpTestServer(process, maildir, port);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                Assert.Fail("aiosmtpd stopped at once: " + await errors + " (install python3-aiosmtpd; ./test.sh does).");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException($"aiosmtpd did not answer on 127.0.0.1:{port} within 20 s.");
    }

    /// <summary>Every message the server has received so far.</summary>
    public IReadOnlyList<MimeMessage> Received()
    {
        var folder = Path.Combine(maildir, "new");
        return !Directory.Exists(folder)
            ? []
            // In the order they arrived: a maildir's file names hold the microsecond unpadded ("…M5P…" sorts after
            // "…M123P…"), so they are ordered by when each was written.
            : Directory.GetFiles(folder).OrderBy(File.GetLastWriteTimeUtc).ThenBy(f => f, StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        if (Directory.Exists(maildir))
        {
            Directory.Delete(maildir, recursive: true);
        }
    }
}
