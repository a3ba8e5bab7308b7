using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Scrutineer.Web.Security;

/// <summary>
/// One data-protection key ring for every instance: kept in the store (<see cref="StoredKeyRing"/>), each key encrypted
/// with the key-ring key from settings (<see cref="KeyRingSecret"/>). See docs/deployment.md §8.
/// </summary>
public static class KeyRingRegistration
{
    /// <summary>The application name every instance shares, so that they read each other's cookies.</summary>
    public const string ApplicationName = "Scrutineer";

    public static IServiceCollection AddScrutineerKeyRing(this IServiceCollection services)
    {
        services.AddSingleton(sp => KeyRingSecret.Load(sp.GetRequiredService<IConfiguration>()));
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            o.XmlRepository = new StoredKeyRing(sp.GetRequiredService<IServiceScopeFactory>());
            o.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<KeyRingSecret>());
        });
        return services;
    }
}
