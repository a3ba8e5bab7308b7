using System.Diagnostics;
using Scrutineer.Application.Data;
using Scrutineer.Testing;

namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>
/// Runs an importer (through the real command line) over many damaged inputs and checks each outcome: the import either
/// succeeds, or exits 1 with a message that names the file and changes nothing in the store. A crash (exit code 70, an
/// unhandled exception), an empty message, a message without the file's name, or any write on failure is a finding.
/// </summary>
internal static class ImportFuzzer
{
    /// <summary>Each engine × each part of a fuzz test's cases, so that no single test runs long.</summary>
    public static TheoryData<StoreProvider, int> ProvidersAndParts(int parts)
    {
        var data = new TheoryData<StoreProvider, int>();
        foreach (var provider in new[] { StoreProvider.Sqlite, StoreProvider.PostgreSql })
        {
            for (var part = 0; part < parts; part++)
            {
                data.Add(provider, part);
            }
        }

        return data;
    }

    /// <summary>
    /// Runs <paramref name="import"/> on a new context of <paramref name="store"/> as the command line would, without
    /// its start-up and schema check on every case: exit code 0 on success, 1 with the message for a user's error,
    /// 70 with the exception for anything else (a crash).
    /// </summary>
    public static async Task<CliRun> InProcessAsync(TestStore store, Func<ScrutineerDb, Task> import)
    {
        try
        {
            await using var db = store.Open();
            await import(db);
            return new CliRun(0, "", "");
        }
        catch (Exception ex) when (Scrutineer.Cli.CliContext.IsUserError(ex))
        {
            return new CliRun(1, "", "error: " + ex.Message);
        }
        catch (Exception ex)
        {
            return new CliRun(70, "", "internal error: " + ex);
        }
    }

    /// <summary>Runs every case; returns the findings (empty when the importer held up) and how many imports succeeded.</summary>
    /// <param name="store">The store imported into.</param>
    /// <param name="cases">The damaged inputs.</param>
    /// <param name="extension">The file name's ending: "fuzz-case-N" + extension, unless <paramref name="fileName"/> names it.</param>
    /// <param name="import">Runs the import of the file at the path given.</param>
    /// <param name="perCase">The longest one case may take (10 s unless given).</param>
    /// <param name="fileName">The file's name for a case, where the importer reads meaning from it (a data.police.uk force).</param>
    /// <param name="verify">After a successful import: null when the store is consistent with the input, else the finding.</param>
    public static async Task<(List<string> Findings, int Succeeded)> RunAsync(
        TestStore store, IEnumerable<MutatedInput> cases, string extension, Func<string, Task<CliRun>> import, TimeSpan? perCase = null,
        Func<MutatedInput, string>? fileName = null, Func<MutatedInput, Task<string?>>? verify = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "scrutineer-tests", "fuzz-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var findings = new List<string>();
        var succeeded = 0;
        var limit = perCase ?? TimeSpan.FromSeconds(10);
        try
        {
            var before = await StoreFingerprint.TakeAsync(store);
            foreach (var input in cases)
            {
                var name = fileName?.Invoke(input) ?? $"fuzz-case-{input.Case}{extension}";
                var path = Path.Combine(folder, name);
                await File.WriteAllBytesAsync(path, input.Bytes);
                var watch = Stopwatch.StartNew();
                CliRun run;
                try
                {
                    run = await import(path);
                }
                catch (Exception ex)
                {
                    findings.Add($"{input}: threw {ex.GetType().Name}: {ex.Message}");
                    continue;
                }

                if (watch.Elapsed > limit)
                {
                    findings.Add($"{input}: took {watch.Elapsed.TotalSeconds:N1} s");
                }

                var after = await StoreFingerprint.TakeAsync(store);
                if (run.ExitCode == 0)
                {
                    succeeded++;
                    before = after;
                    if (verify is not null && await verify(input) is { } inconsistent)
                    {
                        findings.Add($"{input}: imported, but {inconsistent}");
                    }
                }
                else if (run.ExitCode != 1)
                {
                    findings.Add($"{input}: exit code {run.ExitCode}: {First(run.Error)} {Where(run.Error)}");
                }
                else if (string.IsNullOrWhiteSpace(run.Error))
                {
                    findings.Add($"{input}: refused without a message");
                }
                else if (!run.Error.Contains(name, StringComparison.Ordinal))
                {
                    findings.Add($"{input}: the message does not name the file: {First(run.Error)}");
                }
                else if (after != before)
                {
                    findings.Add($"{input}: refused but the store changed: {before} → {after}");
                    before = after;
                }

                File.Delete(path);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return (findings, succeeded);
    }

    private static string Where(string text) =>
        string.Join(" ← ", text.Split('\n').Where(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).Take(4).Select(l => l.Trim()));

    private static string First(string text) => text.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
}
