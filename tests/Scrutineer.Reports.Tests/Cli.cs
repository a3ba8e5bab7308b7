using Scrutineer.Cli;
using Scrutineer.Testing;

namespace Scrutineer.Reports.Tests;

/// <summary>Runs the real command line in-process and captures what it prints.</summary>
internal static class Cli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, new TestClock());
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
