using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Scrutineer.Design;

/// <summary>The model as <c>OnModelCreating</c> builds it, less its query filters, which EF cannot compile.</summary>
public sealed class WithoutQueryFilters(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => e.GetDeclaredQueryFilters().Count > 0).ToList())
        {
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter((System.Linq.Expressions.LambdaExpression?)null);
        }
    }
}
