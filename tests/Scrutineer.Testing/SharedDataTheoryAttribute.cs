using Xunit;

namespace Scrutineer.Testing;

/// <summary>A theory that reads ../shared: reported as skipped, with the reason, where the folder is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = SharedData.AbsentReason;
        }
    }
}
