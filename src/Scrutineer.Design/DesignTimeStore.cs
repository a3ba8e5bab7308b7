using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Scrutineer.Application.Data;

namespace Scrutineer.Design;

/// <summary>
/// The store as <c>dotnet ef dbcontext optimize</c> sees it: the engine named by the first argument ("sqlite" or
/// "postgresql"), the model built from <c>OnModelCreating</c>, and no filter on observations (EF cannot write filters
/// into a compiled model; <see cref="StoreModel"/> adds it back). No database is opened.
/// </summary>
public sealed class DesignTimeStore : IDesignTimeDbContextFactory<ScrutineerDb>
{
    public ScrutineerDb CreateDbContext(string[] args)
    {
        var location = args.FirstOrDefault() switch
        {
            "sqlite" => StoreLocation.Resolve(Path.Combine(Path.GetTempPath(), "scrutineer-design.db")),
            "postgresql" => StoreLocation.Resolve("Host=127.0.0.1;Database=scrutineer"),
            var other => throw new ArgumentException($"Name the engine to compile the model for: sqlite or postgresql (not '{other}')."),
        };
        var builder = new DbContextOptionsBuilder<ScrutineerDb>();
        location.ConfigureEngine(builder);
        builder.ReplaceService<IModelCustomizer, WithoutQueryFilters>();
        return new ScrutineerDb(builder.Options);
    }
}
