namespace Scrutineer.Application.Backup;

/// <summary>Backup files hold every commentary and the audit trail: they are created readable by their owner only.</summary>
internal static class OwnerOnly
{
    /// <summary>Creates (or empties) <paramref name="file"/> with mode 0600 before a tool writes into it.</summary>
    public static void Create(string file)
    {
        File.Delete(file);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var _ = new FileStream(file, options);
    }

    /// <summary>Makes sure <paramref name="file"/> is mode 0600 whatever wrote it.</summary>
    public static void Restrict(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
