using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Scrutineer.Web.Security;

/// <summary>
/// Reads a key <see cref="KeyRingEncryptor"/> sealed. Data protection makes it by type name with the application's
/// services, hence the constructor. A key sealed with another key-ring key fails to open (the GCM tag does not match),
/// which data protection reports as a key it cannot use.
/// </summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var secret = services.GetRequiredService<KeyRingSecret>();
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        const int head = KeyRingEncryptor.NonceBytes + KeyRingEncryptor.TagBytes;
        if (sealedBytes.Length <= head)
        {
            throw new CryptographicException("The stored data-protection key is not one this application sealed.");
        }

        var plain = new byte[sealedBytes.Length - head];
        using (var aes = new AesGcm(secret.Key, KeyRingEncryptor.TagBytes))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, KeyRingEncryptor.NonceBytes), sealedBytes.AsSpan(head), sealedBytes.AsSpan(KeyRingEncryptor.NonceBytes, KeyRingEncryptor.TagBytes), plain);
        }

        try
        {
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
