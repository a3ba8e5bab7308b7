using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Common;
using Scrutineer.Testing;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Tests;

/// <summary>
/// The data-protection key ring lives in the store, encrypted with the key-ring key from settings: a second instance
/// with the same key reads what the first protected; one with another key cannot; the store holds no key in the clear.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("scrutineer-keyring-").FullName;

    [Theory, MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task TwoInstances_SameKeyFile_ReadEachOthersCookies(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var key = KeyFile("shared.key");

        string sealedText;
        using (var first = Instance(store, key))
        {
            sealedText = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("signed in as analyst");
        }

        using var second = Instance(store, key);
        Assert.Equal("signed in as analyst", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText));

        await using var db = store.Open();
        var stored = Assert.Single(db.DataProtectionKeys.ToList());
        Assert.Contains("<encryptedKey", stored.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored.Xml, StringComparison.Ordinal);

        using var other = Instance(store, KeyFile("other.key"));
        Assert.ThrowsAny<CryptographicException>(() => other.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText));
    }

    [Fact]
    public void KeyFile_NotAKey_RefusedSayingWhatToWrite()
    {
        var file = Path.Combine(folder, "bad.key");
        File.WriteAllText(file, "not a key");
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [KeyRingSecret.Setting] = file }).Build();

        var refused = Assert.Throws<DomainException>(() => KeyRingSecret.Load(settings));

        Assert.Equal($"The key-ring key file {file} (from the {KeyRingSecret.Setting} setting) must hold a 256-bit key in base64 (44 characters, as 'openssl rand -base64 32' writes it).", refused.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void DefaultKeyFile_ReadableByItsOwnerOnly()
    {
        var settings = new ConfigurationBuilder().Build();

        var secret = KeyRingSecret.Load(settings);

        Assert.Equal(KeyRingSecret.DefaultFile, secret.File);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secret.File) & (UnixFileMode)0x1FF);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string KeyFile(string name)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return file;
    }

    private static ServiceProvider Instance(TestStore store, string keyFile)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [KeyRingSecret.Setting] = keyFile }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(settings);
        services.AddLogging();
        services.AddDbContext<ScrutineerDb>(o => store.Location.Configure(o));
        services.AddScrutineerKeyRing();
        return services.BuildServiceProvider();
    }
}
