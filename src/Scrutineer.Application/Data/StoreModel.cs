using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;
using Microsoft.EntityFrameworkCore.Query;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Data;

/// <summary>
/// The store's model compiled ahead of time, one per engine (each engine's model carries its own column types and
/// value conversions), so no command builds the model from <c>OnModelCreating</c> at start-up. Generated from the
/// model by <c>scripts/compile-model.sh</c> into <c>Data/CompiledModel/</c>; <c>CompiledModelTests</c> fails when
/// they no longer match the model (docs/decisions/0142).
/// </summary>
public static class StoreModel
{
#if WITHOUT_COMPILED_MODEL
    /// <summary>None: this build is the one the compiled models are generated from (scripts/compile-model.sh).</summary>
    public static IModel? For(StoreProvider provider) => null;
#else
    /// <summary>The compiled model of <paramref name="provider"/>.</summary>
    public static IModel? For(StoreProvider provider) => provider == StoreProvider.PostgreSql ? PostgreSql() : Sqlite();

    // Apart, so a command on SQLite never loads the PostgreSQL model (and with it Npgsql).
    private static IModel Sqlite() => CompiledModel.Sqlite.ScrutineerDbModel.Instance;

    private static IModel PostgreSql() => CompiledModel.PostgreSql.ScrutineerDbModel.Instance;
#endif

    /// <summary>
    /// Gives a compiled model's observations the filter that holds provisional months (<see cref="ScrutineerDb.NotHeld"/>).
    /// EF does not write query filters into compiled models, so this adds it as EF's own model building leaves it: the
    /// context's set of held months turned into a query root, in EF's runtime filter. Both are EF internals; should an
    /// upgrade of EF change them, <c>CompiledModelTests</c> and the held-month tests fail.
    /// </summary>
    internal static void HoldProvisionalMonths(RuntimeEntityType observations)
    {
        var months = ((IModel)observations.Model).FindEntityType(typeof(ImportRunMonth))
            ?? throw new InvalidOperationException("The compiled model has no import run months.");
        var filter = (LambdaExpression)new SetToQueryRoot(months).Visit(ScrutineerDb.NotHeld(null));
#pragma warning disable EF1001 // The annotation, collection and filter EF keeps an entity type's filters in.
        observations.AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection([new RuntimeQueryFilter(null!, filter)]));
#pragma warning restore EF1001
    }

    /// <summary>Turns the context's set of an entity (<c>db.ImportRunMonths</c>) into a query root of its entity type.</summary>
    private sealed class SetToQueryRoot(IEntityType entityType) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Type.IsGenericType && node.Type.GetGenericArguments()[0] == entityType.ClrType && typeof(IQueryable).IsAssignableFrom(node.Type)
                ? new EntityQueryRootExpression(entityType)
                : base.VisitMember(node);
    }
}
