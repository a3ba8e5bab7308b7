using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Domain.Delivery;
using Scrutineer.Web.Delivery;

namespace Scrutineer.Web.Pages.Strategy;

/// <summary>The 4P tasks of the current strategy, filtered by strand, stage, status and owner (GET query string).</summary>
public sealed class TasksModel(ScrutineerDb db, TimeProvider clock) : ScrutineerPageModel
{
    /// <summary>The force's today, for flagging tasks past their due date.</summary>
    public DateOnly Today => Domain.Common.UkClock.Today(clock);

    [BindProperty(SupportsGet = true)]
    public string? Strand { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    public string? Title { get; private set; }

    public IReadOnlyList<string> Strands { get; private set; } = [];

    /// <summary>The filtered tasks, sorted and paged (50 a page) as the address says.</summary>
    public TableView<DeliveryTask>? Tasks { get; private set; }

    /// <summary>How many tasks the filters leave.</summary>
    public int Matching => Tasks?.Total ?? 0;

    /// <summary>Tasks on a page.</summary>
    public const int PageSize = 50;

    public int TotalTasks { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await DeliveryStore.CurrentStrategyAsync(db, ct) is not { } choice)
        {
            return;
        }

        var strategy = await DeliveryStore.LoadAsync(db, choice.Id, ct);
        Title = strategy.Title;
        Strands = strategy.Strands.Select(s => s.Title).ToList();
        var all = strategy.Strands.SelectMany(s => s.Plans).SelectMany(p => p.Tasks).ToList();
        TotalTasks = all.Count;
        var stage = Enum.TryParse<FourPStage>(Stage, ignoreCase: true, out var st) ? st : (FourPStage?)null;
        var status = TaskLabels.FromSlug(Status);
        var owner = Owner?.Trim();
        var filtered = all.Where(t => string.IsNullOrEmpty(Strand) || t.Plan.Strand.Title == Strand)
            .Where(t => stage is null || t.Stage == stage)
            .Where(t => status is null || t.Status == status)
            .Where(t => string.IsNullOrEmpty(owner)
                || t.Owner.Contains(owner, StringComparison.OrdinalIgnoreCase)
                || (t.OwnerName?.Contains(owner, StringComparison.OrdinalIgnoreCase) ?? false));
        var order = filtered.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        Tasks = TableView<DeliveryTask>.From(order.Keys, Request, new Dictionary<string, Func<DeliveryTask, IComparable?>>(StringComparer.Ordinal)
        {
            ["strand"] = t => order[t],
            ["task"] = t => string.Concat(t.Stage.ToString(), t.Number.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)),
            ["owner"] = t => (t.OwnerName ?? t.Owner).ToUpperInvariant(),
            ["due"] = t => t.Due.Date,
            ["status"] = t => TaskLabels.Of(t.Status),
        }, "strand", PageSize);
    }
}
