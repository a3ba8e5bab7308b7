using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Tests.Data;

/// <summary>
/// The compiled store models (Data/CompiledModel, what every command and the web app run on) must be the model the code
/// builds: every entity, property, key, index, relationship, table and column the same. When the model changes, this fails
/// until scripts/compile-model.sh is run. No database is opened.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSql)]
    public void CompiledModel_IsTheModelTheCodeBuilds(StoreProvider provider)
    {
        var location = Location(provider);
        using var compiled = new ScrutineerDb(location.Options());
        using var built = Built(location);

        var expected = Describe(built.Model);
        var actual = Describe(compiled.Model);

        var missing = expected.Except(actual, StringComparer.Ordinal).Take(10).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).Take(10).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0 && expected.Count == actual.Count,
            $"The compiled {provider} model is out of date with the model: run scripts/compile-model.sh.\n"
                + $"In the model only:\n  {string.Join("\n  ", missing)}\nIn the compiled model only:\n  {string.Join("\n  ", extra)}");
        Assert.True(expected.Count > 1000, $"The model's description has {expected.Count} lines: too few to be the whole model.");
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSql)]
    public void CompiledModel_HoldsProvisionalMonthsAsTheModelDoes(StoreProvider provider)
    {
        var location = Location(provider);
        using var compiled = new ScrutineerDb(location.Options());
        using var built = Built(location);

        var filtered = compiled.Model.GetEntityTypes().Where(e => e.GetDeclaredQueryFilters().Count > 0).Select(e => e.ClrType).ToList();

        Assert.Equal(built.Model.GetEntityTypes().Where(e => e.GetDeclaredQueryFilters().Count > 0).Select(e => e.ClrType), filtered);
        Assert.Equal([typeof(Observation)], filtered);
    }

    [Theory]
    [InlineData(StoreProvider.Sqlite)]
    [InlineData(StoreProvider.PostgreSql)]
    public void StoreLocation_RunsOnTheCompiledModelOfItsEngine(StoreProvider provider)
    {
        using var db = new ScrutineerDb(Location(provider).Options());

        Assert.Same(StoreModel.For(provider), db.Model);
        Assert.EndsWith("." + provider, db.Model.GetType().Namespace, StringComparison.Ordinal);
    }

    private static StoreLocation Location(StoreProvider provider) => provider == StoreProvider.Sqlite
        ? StoreLocation.Resolve(Path.Combine(Path.GetTempPath(), "scrutineer-compiled-model-check.db"))
        : StoreLocation.Resolve("Host=127.0.0.1;Database=scrutineer_compiled_model_check");

    /// <summary>A context whose model is built from OnModelCreating, as it was before the models were compiled.</summary>
    private static ScrutineerDb Built(StoreLocation location)
    {
        var builder = new DbContextOptionsBuilder<ScrutineerDb>();
        location.ConfigureEngine(builder);
        return new ScrutineerDb(builder.Options);
    }

    /// <summary>
    /// The model's full description and its tables and columns, a line each; less the types queries add to a model as
    /// they run (raw SQL results, "Ad-hoc entity types"), which the one compiled model gathers from every test.
    /// </summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        int? adHocIndent = null;
        foreach (var line in (model.ToDebugString(MetadataDebugStringOptions.LongDefault) + "\n"
            + model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault)).Split('\n'))
        {
            var indent = line.Length - line.TrimStart().Length;
            if (adHocIndent is { } under && (indent > under || line.Trim().Length == 0))
            {
                continue;
            }

            adHocIndent = line.Trim() == "Ad-hoc entity types:" ? indent : null;
            if (adHocIndent is null && line.Trim().Length > 0)
            {
                lines.Add(line.TrimEnd());
            }
        }

        return lines;
    }
}
