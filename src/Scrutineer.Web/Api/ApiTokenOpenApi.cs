using Microsoft.OpenApi;

namespace Scrutineer.Web.Api;

/// <summary>Declares in the OpenAPI document that every API route accepts a read-only token as an HTTP bearer.</summary>
internal static class ApiTokenOpenApi
{
    private const string SchemeName = "apiToken";

    public static void DeclareBearer(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "scr_ token",
            Description = "A read-only API token made with `scrutineer token create` or on the API tokens page, sent as `Authorization: Bearer scr_…`. It reads what its account may read.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
    }
}
