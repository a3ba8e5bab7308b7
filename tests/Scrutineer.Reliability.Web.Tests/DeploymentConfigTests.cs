using System.Text.RegularExpressions;
using Scrutineer.Web.Pages.Data;
using Scrutineer.Web.Security;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>
/// The proxy configuration shipped in deploy/ agrees with the application: the same upload limits, rate limiting on the
/// real sign-in path, and health on the application's health routes.
/// </summary>
public sealed partial class DeploymentConfigTests
{
    private static readonly string Config = File.ReadAllText(Path.Combine(Root(), "deploy", "nginx-scrutineer.conf"));

    [Fact]
    public void UploadLimits_SameAsTheApplication()
    {
        var server = BodySize().Matches(Config).Select(m => (Size: Megabytes(m.Groups[1].Value), At: m.Index)).ToList();
        var dataLocation = Config.IndexOf("location /data", StringComparison.Ordinal);

        Assert.Equal(WebHardening.MaxRequestBytes, Assert.Single(server, s => s.At < dataLocation).Size);
        Assert.Equal(IndexModel.MaxUploadBytes, Assert.Single(server, s => s.At > dataLocation).Size);
    }

    [Fact]
    public void SignInRateLimit_OnTheSignInPath()
    {
        var location = Regex.Match(Config, @"location = (\S+) \{\s*limit_req zone=scrutineer_signin");

        Assert.True(location.Success, "no location applies the sign-in rate limit");
        Assert.Equal("/account/sign-in", location.Groups[1].Value);
    }

    [Fact]
    public void Health_RoutesTheApplicationServes()
    {
        Assert.Contains("location /health/ {", Config, StringComparison.Ordinal);
        Assert.Contains("GET /health/ready", Config, StringComparison.Ordinal);
        Assert.DoesNotContain("location = /health {", Config, StringComparison.Ordinal);
    }

    private static long Megabytes(string value) => long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024;

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scrutineer.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Scrutineer.slnx) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"client_max_body_size (\d+)m;")]
    private static partial Regex BodySize();
}
