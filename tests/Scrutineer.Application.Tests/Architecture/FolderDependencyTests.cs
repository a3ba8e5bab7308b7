namespace Scrutineer.Application.Tests.Architecture;

/// <summary>
/// The folder dependency rule (docs/decisions/0141): within the domain and within the application, folders
/// (namespaces) use each other one way only, and the store (<c>Data</c>) stands on nothing of the application but
/// the parts of every save (<c>Audit</c>, <c>Concurrency</c>), so every feature can use it.
/// </summary>
public sealed class FolderDependencyTests
{
    public static TheoryData<string> Projects => new() { "Scrutineer.Domain", "Scrutineer.Application" };

    [Theory, MemberData(nameof(Projects))]
    public void Folders_OfEachProject_FormNoCycle(string project)
    {
        var graph = FolderGraph.OfProject(project);

        Assert.NotEmpty(graph.Edges);
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0,
            "Folders must use each other one way only (docs/decisions/0141). Move the type to the folder it belongs in:\n"
            + string.Join("\n", cycles.Select(graph.Describe)));
    }

    [Fact]
    public void Data_UsesOnlyThePartsOfASave()
    {
        var graph = FolderGraph.OfProject("Scrutineer.Application");

        var used = graph.Edges["Data"].Keys.Order(StringComparer.Ordinal).ToList();

        Assert.True(used.All(f => f is "Audit" or "Concurrency"),
            "The store may use only Audit and Concurrency of the application; it also uses: "
            + string.Join("; ", graph.Edges["Data"].Where(e => e.Key is not ("Audit" or "Concurrency")).Select(e => $"{e.Key} ({string.Join(", ", e.Value)})")));
    }

    [Fact]
    public void Edges_UsingsAndQualifiedNames_AreBothFound()
    {
        var graph = FolderGraph.OfProject("Scrutineer.Application");

        // Reports reads the store through a using directive; the store's schema names the audit clock qualified.
        Assert.Contains("Reports/ReportCatalogue.cs: using Scrutineer.Application.Data;", graph.Edges["Reports"]["Data"]);
        Assert.Contains("Data/StoreSchema.cs: Audit.AuditContext", graph.Edges["Data"]["Audit"]);
    }

    [Fact]
    public void Cycles_TwoFoldersUsingEachOther_NamesTheCycleAndItsReferences()
    {
        var graph = FolderGraph.Of("Shop", [
            ("Orders/Order.cs", "using Shop.Billing;\nnamespace Shop.Orders;\npublic sealed class Order { Invoice? invoice; }"),
            ("Billing/Invoice.cs", "namespace Shop.Billing;\n// Orders.Order in a comment is no reference\npublic sealed class Invoice { Orders.Order? order; string s = \"Shop.Stock.Shelf\"; }"),
            ("Stock/Shelf.cs", "namespace Shop.Stock;\npublic sealed class Shelf { Shop.Orders.Order? next; }"),
        ]);

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal("Shop: Billing → Orders → Billing\n"
            + "  Billing → Orders: Billing/Invoice.cs: Orders.Order\n"
            + "  Orders → Billing: Orders/Order.cs: using Shop.Billing;", graph.Describe(cycle));
        Assert.Equal(new[] { "Orders" }, graph.Edges["Stock"].Keys);
        Assert.False(graph.Edges.ContainsKey("Billing") && graph.Edges["Billing"].ContainsKey("Stock"), "A name inside a string is no reference.");
    }

    [Fact]
    public void Cycles_OneWayUse_NoCycle()
    {
        var graph = FolderGraph.Of("Shop", [
            ("Orders/Order.cs", "using Shop.Billing;\nnamespace Shop.Orders;\npublic sealed class Order { Invoice? invoice; }"),
            ("Billing/Invoice.cs", "namespace Shop.Billing;\npublic sealed class Invoice { }"),
        ]);

        Assert.Empty(graph.Cycles());
        Assert.Equal(new[] { "Billing" }, graph.Edges["Orders"].Keys);
    }
}
