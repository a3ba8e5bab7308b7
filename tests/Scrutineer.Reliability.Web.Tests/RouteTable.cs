using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Scrutineer.Reliability.Web.Tests;

/// <summary>The application's routes, read from its own route table.</summary>
internal static class RouteTable
{
    /// <summary>Every route template that answers GET.</summary>
    public static IReadOnlyList<string> GetRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => Template(e))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Every handler the application answers, as "GET /rounds/{id:int}" or "POST /rounds/{id:int}?handler=Close":
    /// API routes by their HTTP methods, pages by the handler methods of their page models (loaded as the app would).
    /// </summary>
    public static async Task<IReadOnlyList<string>> GetHandlersAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var handlers = new List<string>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = Template(endpoint);
            if (endpoint.Metadata.GetMetadata<ActionDescriptor>() is PageActionDescriptor page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                var methods = compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant() + " " + template + (string.IsNullOrEmpty(h.Name) ? "" : "?handler=" + h.Name)).ToList();

                // A page without handler methods still answers GET with its view.
                handlers.AddRange(methods.Count > 0 ? methods : ["GET " + template]);
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                handlers.AddRange(methods.Select(m => m + " " + template));
            }
        }

        return handlers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static string Template(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
}
