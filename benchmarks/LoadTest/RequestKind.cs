namespace Scrutineer.LoadTest;

/// <summary>What a contributor's request was for.</summary>
internal enum RequestKind
{
    SignIn,
    List,
    Form,
    Save,
    Submit,
}
