using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Plans;

public sealed class PlanFileTests
{
    private const string Valid = """
        plan:
          title: Test Plan 2024-2027
          first_year: 2024/25
          last_year: 2026/27
          document:
            version: "2.0"
            author_unit: Performance Analysis Unit
            author: "Analyst: A. Person"
            owner: B. Owner
            classification: OFFICIAL-SENSITIVE
        units:
          - { short: EP, name: Test Police, kind: force }
          - short: "C&PP"
            name: "Crime & Public Protection Command"
            kind: command
            parent: EP
          - { short: North LPA, name: North Local Policing Area, kind: lpa, parent: EP }
        priorities:
          - number: 1
            title: Safer roads
            objective: reduce the number of people hurt on the roads.
            commitments:
              - we_will: 'Work with partners, including:'
                who: [C&PP, North LPA]
                sub_points: [schools, "employers: large and small"]
              - we_will: Enforce the "fatal four" offences.
                who: C&PP
          - number: 2
            title: "Yes"
            objective: ''
            commitments:
              - we_will: "Keep #1 promises: always"
                who: [EP]
        """;

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task ExportThenImport_RoundTripsExactly(StoreProvider provider)
    {
        await using var first = await TestStore.CreateAsync(provider);
        await using var second = await TestStore.CreateAsync(provider);
        string exported;
        await using (var db = first.Open())
        {
            await PlanImporter.ImportAsync(db, PlanFileReader.Read(new StringReader(Valid), "valid.yaml"), "valid.yaml");
        }

        await using (var db = first.Open())
        {
            exported = await PlanFileWriter.WriteAsync(db, "Test Plan 2024-2027");
        }

        await using (var db = second.Open())
        {
            await PlanImporter.ImportAsync(db, PlanFileReader.Read(new StringReader(exported), "exported.yaml"), "exported.yaml");
        }

        await using (var db = second.Open())
        {
            Assert.Equal(exported, await PlanFileWriter.WriteAsync(db, "Test Plan 2024-2027"));
            var plan = await PlanLoader.LoadAsync(db, "Test Plan 2024-2027");
            var commitment = plan.Priorities[0].Commitments[0];
            Assert.Equal(["C&PP", "North LPA"], commitment.Units.Select(u => u.ShortName));
            Assert.Equal(["schools", "employers: large and small"], commitment.SubPoints);
            Assert.Equal("Yes", plan.Priorities[1].Title);
            Assert.Equal("Keep #1 promises: always", plan.Priorities[1].Commitments[0].Text);
            Assert.Equal(Domain.Documents.Classification.OfficialSensitive, plan.Metadata.Classification);
            Assert.Equal("Analyst: A. Person", plan.Metadata.Author);
            var cpp = await db.Units.Include(u => u.Parent).SingleAsync(u => u.ShortName == "C&PP");
            Assert.Equal("EP", cpp.Parent?.ShortName);
            Assert.Contains("    parent: EP\n", exported, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DemoPlanFile_RoundTrips()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = store.Open();
        var earlier = typeof(PlanImporter).Assembly.GetManifestResourceStream("Demo.demo-plan-2016.yaml")!;
        await PlanImporter.ImportAsync(db, PlanFileReader.Read(new StreamReader(earlier), "demo-plan-2016.yaml"), "demo-plan-2016.yaml");
        var text = typeof(PlanImporter).Assembly.GetManifestResourceStream("Demo.demo-plan.yaml")!;
        var file = PlanFileReader.Read(new StreamReader(text), "demo-plan.yaml");
        await PlanImporter.ImportAsync(db, file, "demo-plan.yaml");

        var exported = await PlanFileWriter.WriteAsync(db, file.Title);
        var again = PlanFileReader.Read(new StringReader(exported), "exported.yaml");

        Assert.Equal(file.Priorities.Count, again.Priorities.Count);
        Assert.Equal(file.Priorities.SelectMany(p => p.Commitments).Select(c => (c.WeWill, string.Join("/", c.Who))),
            again.Priorities.SelectMany(p => p.Commitments).Select(c => (c.WeWill, string.Join("/", c.Who))));
        Assert.Equal(file.ExtendedTo, again.ExtendedTo);
        Assert.Equal(
            file.Priorities.SelectMany(p => p.Commitments).Select(c => c.CarriesForward),
            again.Priorities.SelectMany(p => p.Commitments).Select(c => c.CarriesForward));
        Assert.Equal(6, again.Priorities.SelectMany(p => p.Commitments).Count(c => c.CarriesForward is not null));
        Assert.Equal(
            file.Units.Select(u => (u.Short, u.Name, u.Kind, u.Parent)).OrderBy(u => u.Short, StringComparer.Ordinal),
            again.Units.Select(u => (u.Short, u.Name, u.Kind, u.Parent)).OrderBy(u => u.Short, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("        who: [C&PP, North LPA]", "        who: [C&PP, Nowhere]", "valid.yaml:24:", "priorities[0].commitments[0].who", "unit 'Nowhere' is not one of the units listed")]
    [InlineData("  first_year: 2024/25", "  first_year: 2024/26", "valid.yaml:3:", "plan.first_year", "second year must follow the first")]
    [InlineData("    kind: command", "    kind: directorate", "valid.yaml:15:", "units[1].kind", "'directorate' is not a unit kind")]
    [InlineData("  - number: 1", "  - number: one", "valid.yaml:19:", "priorities[0].number", "'one' is not a priority number")]
    [InlineData("    classification: OFFICIAL-SENSITIVE", "    classification: SECRET", "valid.yaml:10:", "plan.document.classification", "expected OFFICIAL or OFFICIAL-SENSITIVE")]
    [InlineData("    title: Safer roads", "    titel: Safer roads", "valid.yaml:20:", "priorities[0].titel", "unknown field")]
    [InlineData("    parent: EP", "    parent: Nowhere", "valid.yaml:13:", "units[1].parent", "parent 'Nowhere' is not one of the units listed")]
    [InlineData("        who: C&PP", "        who: []", "valid.yaml:27:", "priorities[0].commitments[1].who", "at least one responsible unit")]
    public void Read_BadField_NamesFileLineFieldAndWhatWasExpected(string line, string replacement, string where, string field, string message)
    {
        var text = Replace(Valid, line, replacement);

        var ex = Assert.Throws<PlanFileException>(() => PlanFileReader.Read(new StringReader(text), "valid.yaml"));

        var error = Assert.Single(ex.Errors, e => e.Field == field);
        Assert.StartsWith(where, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotYaml_SaysSo()
    {
        var ex = Assert.Throws<PlanFileException>(() => PlanFileReader.Read(new StringReader("plan: [unclosed\n  title: x"), "broken.yaml"));

        Assert.Contains("not valid YAML", ex.Message, StringComparison.Ordinal);
        Assert.Contains("broken.yaml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnclosedList_NamesTheLineAndTheBracket()
    {
        var text = Replace(Valid, "        who: [C&PP, North LPA]", "        who: [C&PP, North LPA");

        var ex = Assert.Throws<PlanFileException>(() => PlanFileReader.Read(new StringReader(text), "valid.yaml"));

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith("valid.yaml:24: (file): not valid YAML: a '[' or '{' on this line is not closed", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("encoding", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingSections_ListsEachProblem()
    {
        var ex = Assert.Throws<PlanFileException>(() => PlanFileReader.Read(new StringReader("plan:\n  title: Only a title\n"), "thin.yaml"));

        Assert.Contains(ex.Errors, e => e.Field == "plan.first_year");
        Assert.Contains(ex.Errors, e => e.Field == "units");
        Assert.Contains(ex.Errors, e => e.Field == "priorities");
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_ProblemFoundWhileWriting_WritesNothing(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var text = Replace(Valid, "        who: [EP]", "        who: [EP]\n        carries_forward: { plan: No Such Plan, commitment: \"1.1\" }");
        var file = PlanFileReader.Read(new StringReader(text), "valid.yaml");

        await using (var db = store.Open())
        {
            var ex = await Assert.ThrowsAsync<PlanFileException>(() => PlanImporter.ImportAsync(db, file, "valid.yaml"));
            Assert.Contains("No Such Plan", ex.Message, StringComparison.Ordinal);
        }

        await using (var db = store.Open())
        {
            Assert.Equal(0, await db.Plans.CountAsync());
            Assert.Equal(0, await db.Units.CountAsync());
            Assert.Equal(0, await db.Commitments.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_SameTitleTwice_RefusedUnlessReplace(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var file = PlanFileReader.Read(new StringReader(Valid), "valid.yaml");
        await using (var db = store.Open())
        {
            await PlanImporter.ImportAsync(db, file, "valid.yaml");
        }

        await using (var db = store.Open())
        {
            var ex = await Assert.ThrowsAsync<PlanFileException>(() => PlanImporter.ImportAsync(db, file, "valid.yaml"));
            Assert.Contains("already in the store", ex.Message, StringComparison.Ordinal);
        }

        await using (var db = store.Open())
        {
            var result = await PlanImporter.ImportAsync(db, file, "valid.yaml", replace: true);
            Assert.Equal(3, result.Commitments);
            Assert.Equal(1, await db.Plans.CountAsync());
        }
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Import_CarriesForward_LinksToTheEarlierPlansCommitment(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var later = Valid.Replace("Test Plan 2024-2027", "Test Plan 2027-2030", StringComparison.Ordinal)
            .Replace("first_year: 2024/25", "first_year: 2027/28", StringComparison.Ordinal)
            .Replace("last_year: 2026/27", "last_year: 2029/30", StringComparison.Ordinal);
        later = Replace(later, "        who: [EP]", "        who: [EP]\n        carries_forward: { plan: Test Plan 2024-2027, commitment: \"1.2\" }");
        await using (var db = store.Open())
        {
            await PlanImporter.ImportAsync(db, PlanFileReader.Read(new StringReader(Valid), "a.yaml"), "a.yaml");
            await PlanImporter.ImportAsync(db, PlanFileReader.Read(new StringReader(later), "b.yaml"), "b.yaml");
        }

        await using (var db = store.Open())
        {
            var plan = await PlanLoader.LoadAsync(db, "Test Plan 2027-2030");
            var earlier = plan.Priorities[1].Commitments[0].CarriesForward;
            Assert.NotNull(earlier);
            Assert.Equal("1.2", earlier.Reference);
            Assert.Contains("carries_forward:\n          plan: Test Plan 2024-2027\n          commitment: \"1.2\"", await PlanFileWriter.WriteAsync(db, "Test Plan 2027-2030"), StringComparison.Ordinal);
        }
    }

    /// <summary>Replaces one whole line of <paramref name="text"/>, which must be there exactly once.</summary>
    private static string Replace(string text, string line, string replacement)
    {
        var lines = text.Split('\n').ToList();
        var index = lines.FindIndex(l => l == line);
        Assert.True(index >= 0 && lines.FindLastIndex(l => l == line) == index, $"'{line}' should stand once in the test file.");
        lines[index] = replacement;
        return string.Join('\n', lines);
    }
}
