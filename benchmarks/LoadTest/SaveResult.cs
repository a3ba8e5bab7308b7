namespace Scrutineer.LoadTest;

/// <summary>What the app told a contributor about one save or submit.</summary>
internal enum SaveResult
{
    Accepted,
    Conflict,
    Refused,
    Failed,
}
