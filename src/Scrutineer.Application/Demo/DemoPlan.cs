using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Demo;

/// <summary>The demo plan: 12 priorities, 59 commitments, 26 units, read from the shipped plan file.</summary>
internal static class DemoPlan
{
    public const string FileName = "demo-plan.yaml";

    public static async Task<Plan> AddAsync(ScrutineerDb db, DemoSettings settings, CancellationToken cancellationToken)
    {
        var text = DemoFiles.Read(FileName);
        var file = PlanFileReader.Read(new StringReader(text), FileName);
        await PlanImporter.ImportAsync(db, file, FileName, cancellationToken: cancellationToken);
        DemoFiles.Write(settings, FileName, text);
        settings.Progress($"Plan: {file.Title}, {file.Priorities.Count} priorities, {file.Priorities.Sum(p => p.Commitments.Count)} commitments, {file.Units.Count} units");
        return await PlanLoader.LoadAsync(db, file.Title, cancellationToken);
    }
}
