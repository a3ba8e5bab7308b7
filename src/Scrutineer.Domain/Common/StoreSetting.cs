namespace Scrutineer.Domain.Common;

/// <summary>
/// One setting of the store as a whole, by name: whether the demo built it, whether every local account must use
/// two-step sign-in. Absent means the default.
/// </summary>
public sealed class StoreSetting
{
    /// <summary>Written by the demo into the store it builds.</summary>
    public const string BuiltByDemo = "built-by-demo";

    /// <summary>"true" when every local account must sign in with a second step.</summary>
    public const string RequireTwoStep = "require-two-step";

    /// <summary>The last backup restored into the store: file, checksum, what it held, what newer history was discarded.</summary>
    public const string LastRestore = "last-restore";

    /// <summary>Creates a setting.</summary>
    public StoreSetting(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The setting's name, for example <see cref="RequireTwoStep"/>.</summary>
    public string Name { get; private set; }

    /// <summary>Its value as text.</summary>
    public string Value { get; set; }
}
