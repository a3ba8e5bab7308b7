namespace Scrutineer.Domain.Accounts;

/// <summary>
/// One key of the ASP.NET Core data-protection key ring (it signs session and antiforgery cookies and seals two-step
/// secrets), kept in the store so that every instance of the web application uses the same ring. <see cref="Xml"/> is
/// the key's XML with its secret encrypted by the key-ring key from settings (docs/deployment.md): the store alone
/// cannot forge a cookie.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    /// <summary>The key's id, as data protection names it.</summary>
    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}
