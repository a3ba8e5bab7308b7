namespace Scrutineer.Application.Demo;

/// <summary>Sample files shipped inside the assembly (Demo/Files), read as text.</summary>
internal static class DemoFiles
{
    public static string Read(string name)
    {
        using var stream = typeof(DemoFiles).Assembly.GetManifestResourceStream("Demo." + name)
            ?? throw new InvalidOperationException($"Demo file {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes <paramref name="text"/> as <paramref name="name"/> into the settings' files folder, if any.</summary>
    public static void Write(DemoSettings settings, string name, string text)
    {
        if (settings.FilesFolder is null)
        {
            return;
        }

        Directory.CreateDirectory(settings.FilesFolder);
        File.WriteAllText(Path.Combine(settings.FilesFolder, name), text);
    }
}
