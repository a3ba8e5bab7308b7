using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Plans;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Reports;

namespace Scrutineer.Application.Reports;

/// <summary>
/// The analysts' foreword and executive summary of a plan's closure report: read and set here for the command line
/// (<c>scrutineer report closure-text</c>) and the web page alike. See <see cref="ClosureReportText"/> for how each is used.
/// </summary>
public static class ClosureReportTexts
{
    /// <summary>The text of the plan with key <paramref name="planId"/>, or null when none has been written.</summary>
    public static Task<ClosureReportText?> ForPlanAsync(ScrutineerDb db, int planId, CancellationToken cancellationToken = default) =>
        db.ClosureReportTexts.AsNoTracking().SingleOrDefaultAsync(t => t.PlanId == planId, cancellationToken);

    /// <summary>
    /// Sets the foreword and summary of the plan titled <paramref name="planTitle"/> (null leaves one as it is; empty clears it),
    /// all or nothing. <paramref name="forewordField"/> and <paramref name="summaryField"/> name the texts in a refusal
    /// ("The foreword (foreword.txt)"). A null title means the latest plan.
    /// </summary>
    /// <exception cref="DomainException">No such plan; a text carries a marking or is too long (nothing is saved).</exception>
    public static async Task<ClosureReportText> SetAsync(ScrutineerDb db, string? planTitle, string? foreword, string? summary, string by, DateTimeOffset at,
        string forewordField = "The foreword", string summaryField = "The executive summary", CancellationToken cancellationToken = default)
    {
        var plan = await PlanLoader.LoadAsync(db, planTitle, cancellationToken);
        var text = await db.ClosureReportTexts.SingleOrDefaultAsync(t => t.PlanId == plan.Id, cancellationToken);
        if (text is null)
        {
            text = new ClosureReportText(plan.Id);
            db.ClosureReportTexts.Add(text);
        }

        // Both are checked before anything is saved: a refused summary leaves the foreword unchanged too.
        text.SetForeword(foreword, by, at, forewordField);
        text.SetSummary(summary, by, at, summaryField);
        await db.SaveChangesAsync(cancellationToken);
        return text;
    }
}
