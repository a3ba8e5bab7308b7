using Xunit;

namespace Scrutineer.Testing;

/// <summary>A test that reads ../shared: reported as skipped, with the reason, where the folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = SharedData.AbsentReason;
        }
    }
}
