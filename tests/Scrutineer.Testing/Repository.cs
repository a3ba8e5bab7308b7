namespace Scrutineer.Testing;

/// <summary>Files in the repository: sample inputs that ship with the application, and the sources the architecture tests read.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Scrutineer.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Scrutineer.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
