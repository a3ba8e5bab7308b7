using Scrutineer.Application.Notifications;

namespace Scrutineer.Application.Tests.Notifications;

/// <summary>The address links in emails start with: the setting, else the address the web server listens on when it names a host.</summary>
public sealed class NotifySettingsTests
{
    [Theory]
    [InlineData(null, null, "http://127.0.0.1:5080/")]
    [InlineData(null, "http://10.1.2.3:8080", "http://10.1.2.3:8080/")]
    [InlineData(null, "http://0.0.0.0:8080;https://scrutineer.force.example:8443", "https://scrutineer.force.example:8443/")]
    [InlineData(null, "http://*:8080", "http://127.0.0.1:5080/")]
    [InlineData(null, "http://+:8080;http://[::]:8080", "http://127.0.0.1:5080/")]
    [InlineData("https://scrutineer.example.police.uk", "http://10.1.2.3:8080", "https://scrutineer.example.police.uk/")]
    public void SiteUrl_TheSettingElseANamedListeningAddress(string? setting, string? listening, string expected)
    {
        var settings = NotifySettings.Read(key => key == "Notify:SiteUrl" ? setting : null, listening);

        Assert.Equal(expected, settings.SiteUrl.ToString());
        Assert.Equal(expected + "updates", settings.Link("/updates"));
    }
}
