using Scrutineer.Testing;

namespace Scrutineer.Cli.Tests;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
internal static class Cli
{
    public static async Task<CliRun> RunAsync(TimeProvider clock, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, clock);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new TestClock(), args);

    /// <summary>
    /// Builds the demo force into <paramref name="store"/>, writing its sample files to a folder of this call's own
    /// (tests run in parallel, and two demos writing the same files would fail each other), and fails the test with
    /// the demo's own message when it does not succeed.
    /// </summary>
    public static async Task DemoAsync(TestStore store)
    {
        var files = Path.Combine(Path.GetTempPath(), $"scrutineer-cli-demo-{Guid.NewGuid():N}");
        try
        {
            var run = await RunAsync("demo", "--db", store.DbArgument, "--files", files);
            Assert.True(run.ExitCode == 0, $"demo exited {run.ExitCode}: {run.Error}");
        }
        finally
        {
            if (Directory.Exists(files))
            {
                Directory.Delete(files, recursive: true);
            }
        }
    }
}
