namespace Scrutineer.Testing;

/// <summary>
/// The real open data in ../shared (data.police.uk street files, Home Office workforce tables), read in place and never
/// copied into the repository. Found through SCRUTINEER_SHARED (set by ./test.sh) or ../shared beside the repository.
/// </summary>
public static class SharedData
{
    /// <summary>The shared folder, or null when it is absent.</summary>
    public static string? Root { get; } = Find();

    /// <summary>The reason printed for a skipped test when the folder is absent.</summary>
    public const string AbsentReason = "SKIPPED: ../shared (real data.police.uk and Home Office data) is absent on this machine; CI has it.";

    /// <summary>A path inside the shared folder.</summary>
    /// <exception cref="InvalidOperationException">The folder is absent (use <see cref="SharedDataFactAttribute"/>).</exception>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException(AbsentReason), .. parts]);

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("SCRUTINEER_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(System.IO.Path.Combine(fromEnvironment, "data")))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Scrutineer.slnx")))
            {
                var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(System.IO.Path.Combine(shared, "data")) ? shared : null;
            }
        }

        return null;
    }
}
