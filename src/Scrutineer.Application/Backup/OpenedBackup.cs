namespace Scrutineer.Application.Backup;

/// <summary>
/// A backup ready to read: the file itself, or its decrypted copy (a temporary file readable by its owner only,
/// deleted on dispose).
/// </summary>
internal sealed record OpenedBackup(string PlainFile, Data.StoreProvider? Kind, bool Encrypted) : IAsyncDisposable
{
    /// <summary>The name to give in messages: the backup as the user named it.</summary>
    public string SourceName { get; init; } = PlainFile;

    public ValueTask DisposeAsync()
    {
        if (Encrypted)
        {
            File.Delete(PlainFile);
        }

        return ValueTask.CompletedTask;
    }
}
