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
}
