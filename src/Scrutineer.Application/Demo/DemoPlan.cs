using System.Text;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Plans;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Demo;

/// <summary>The demo plans: the current one (12 priorities, 59 commitments, 26 units) and the 2016-2020 plan it carries forward, read from the shipped plan files.</summary>
internal static class DemoPlan
{
    public const string FileName = "demo-plan.yaml";

    /// <summary>The earlier plan, 2016-2020, that several commitments carry forward.</summary>
    public const string EarlierFileName = "demo-plan-2016.yaml";

    public static async Task<Plan> AddAsync(ScrutineerDb db, DemoSettings settings, CancellationToken cancellationToken)
    {
        var earlierText = DemoFiles.Read(EarlierFileName);
        var earlier = PlanFileReader.Read(new StringReader(earlierText), EarlierFileName);
        await PlanImporter.ImportAsync(db, earlier, EarlierFileName, read: ImportedFile.Of(EarlierFileName, Encoding.UTF8.GetBytes(earlierText)), cancellationToken: cancellationToken);
        DemoFiles.Write(settings, EarlierFileName, earlierText);
        settings.Progress($"Earlier plan: {earlier.Title}, {earlier.Priorities.Count} priorities");

        var text = DemoFiles.Read(FileName);
        var file = PlanFileReader.Read(new StringReader(text), FileName);
        await PlanImporter.ImportAsync(db, file, FileName, read: ImportedFile.Of(FileName, Encoding.UTF8.GetBytes(text)), cancellationToken: cancellationToken);
        DemoFiles.Write(settings, FileName, text);
        settings.Progress($"Plan: {file.Title}, {file.Priorities.Count} priorities, {file.Priorities.Sum(p => p.Commitments.Count)} commitments, {file.Units.Count} units");
        return await PlanLoader.LoadAsync(db, file.Title, cancellationToken);
    }
}
