namespace Scrutineer.Web.Accounts;

/// <summary>Claim types carried in the sign-in cookie besides name, identifier and role.</summary>
internal static class ScrutineerClaims
{
    public const string UserName = "scrutineer:user";
    public const string Stamp = "scrutineer:stamp";
    public const string Unit = "scrutineer:unit";
    public const string Priority = "scrutineer:priority";
    public const string Strand = "scrutineer:strand";
    public const string ReadsSensitive = "scrutineer:reads-sensitive";
    public const string PendingStep = "scrutineer:pending-step";
    public const string Session = "scrutineer:session";
}
