using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Scrutineer.Web.Security;

/// <summary>
/// Takes the client's address from X-Forwarded-For only when the request came from a proxy named in
/// <c>Proxy:KnownProxies</c> (addresses) or <c>Proxy:KnownNetworks</c> (CIDR ranges, for example 10.0.0.0/8), each a
/// comma-separated list. With neither set the forwarded headers are ignored (even with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>)
/// and the connection's own address is used.
/// </summary>
internal static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions options, IConfiguration config)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var text in List(config, "Proxy:KnownProxies"))
        {
            options.KnownProxies.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"Proxy:KnownProxies holds \"{text}\", which is not an IP address. List addresses separated by commas, for example 10.1.2.3,10.1.2.4."));
        }

        foreach (var text in List(config, "Proxy:KnownNetworks"))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"Proxy:KnownNetworks holds \"{text}\", which is not a network. Write it as address/prefix, for example 10.0.0.0/8."));
        }

        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            // With both lists empty the middleware would trust the header from anyone (ASPNETCORE_FORWARDEDHEADERS_ENABLED
            // empties them): read no forwarded header at all instead.
            options.ForwardedHeaders = ForwardedHeaders.None;
        }
    }

    private static IEnumerable<string> List(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
