using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;

namespace Scrutineer.Web.Security;

/// <summary>
/// Keeps the data-protection key ring in the store (table DataProtectionKeys), so every instance of the web
/// application signs and reads the same cookies and two-step secrets. Data protection calls it rarely (at start and
/// when a key is due to roll, every 90 days), each time on a context of its own.
/// </summary>
internal sealed class StoredKeyRing(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ScrutineerDb>();
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ScrutineerDb>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
