using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Web.Performance;

namespace Scrutineer.Web.Api;

/// <summary>
/// Measures, observations and rolling 12-month insights as plain numbers (no thousands separators, percentages rounded
/// half away from zero to one decimal), for Power BI and the like. A bad query answers 400 with a problem message.
/// </summary>
public static class PerformanceApi
{
    internal static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/measures", async (ScrutineerDb db, CancellationToken ct) =>
            (await db.Measures.AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct))
                .Select(m => new MeasureDto(m.Id, m.Name, m.Unit, Slug(m.Kind.ToString()), Slug(m.Better.ToString()), m.Definition, m.Source)).ToList())
            .WithName("ListMeasures").WithSummary("Every measure with its unit, kind and better direction");

        api.MapGet("/observations", async Task<Results<Ok<List<ObservationDto>>, ProblemHttpResult>> (string? measure, string? area, string? from, string? to, ScrutineerDb db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(measure))
            {
                return Problem("Give the measure: ?measure=All crime (see /api/measures).");
            }

            if (!TryMonth(from, "from", out var first, out var fromError))
            {
                return Problem(fromError!);
            }

            if (!TryMonth(to, "to", out var last, out var toError))
            {
                return Problem(toError!);
            }

            var queries = new PerformanceQueries(db);
            try
            {
                var m = await queries.FindMeasureAsync(measure, ct);
                var query = db.Observations.AsNoTracking().Where(o => o.MeasureId == m.Id);
                if (!string.IsNullOrWhiteSpace(area))
                {
                    var a = await queries.FindAreaAsync(area, ct);
                    query = query.Where(o => o.AreaId == a.Id);
                }

                if (first is { } f)
                {
                    query = query.Where(o => o.Period >= f);
                }

                if (last is { } l)
                {
                    query = query.Where(o => o.Period <= l);
                }

                var rows = await query.Select(o => new { Area = o.Area.Name, o.Kind, o.Period, o.Value, o.Numerator, o.Denominator }).ToListAsync(ct);
                return TypedResults.Ok(rows.OrderBy(r => r.Area, StringComparer.Ordinal).ThenBy(r => r.Period).ThenBy(r => r.Kind)
                    .Select(r => new ObservationDto(m.Name, r.Area, Slug(r.Kind.ToString()), r.Period.ToString(), r.Value, r.Numerator, r.Denominator)).ToList());
            }
            catch (DomainException ex)
            {
                return Problem(ex.Message);
            }
        }).WithName("ListObservations").WithSummary("A measure's observations, optionally for one area and between two months (YYYY-MM, inclusive); quarters and years are dated by their first month");

        api.MapGet("/insights/rolling12", async Task<Results<Ok<List<RollingDto>>, ProblemHttpResult>> (string? to, string? area, string? measure, ScrutineerDb db, CancellationToken ct) =>
        {
            if (!TryMonth(to, "to", out var month, out var error))
            {
                return Problem(error!);
            }

            try
            {
                var latest = month ?? await LatestMonth.ConfirmedAsync(db, ct)
                    ?? throw new DomainException("The store holds no monthly data: import some first.");
                var rows = (await new PerformanceQueries(db).Rolling12Async(latest, Blank(measure), Blank(area), ct)).Rows;
                return TypedResults.Ok(rows.Select(r => new RollingDto(r.Measure, r.Area, Slug(r.Level.ToString()), r.Result.LatestFrom.ToString(), r.Result.To.ToString(),
                    r.Previous12Months, r.Latest12Months, r.Difference, r.PercentChange, r.Significant, r.Verdict)).ToList());
            }
            catch (DomainException ex)
            {
                return Problem(ex.Message);
            }
        }).WithName("Rolling12").WithSummary("The 12 months to a month (YYYY-MM; default the latest with data) against the 12 before, per count measure and area, with the significance verdict");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ProblemHttpResult Problem(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request cannot be answered");

    private static bool TryMonth(string? text, string name, out ReportingMonth? month, out string? error)
    {
        month = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (ReportingMonth.TryParse(text.Trim(), out var m))
        {
            month = m;
            return true;
        }

        error = $"'{name}' must be a month written YYYY-MM, such as 2024-03; '{text}' is not.";
        return false;
    }

    private static string Slug(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public sealed record MeasureDto(int Id, string Name, string Unit, string Kind, string Better, string Definition, string Source);

    /// <summary>One observation. <c>Kind</c>: month, quarter or financial-year; <c>Period</c>: its first month (YYYY-MM).</summary>
    public sealed record ObservationDto(string Measure, string Area, string Kind, string Period, decimal Value, decimal? Numerator, decimal? Denominator);

    /// <summary>One rolling 12-month comparison; <c>PercentChange</c> is null when the previous total is 0.</summary>
    public sealed record RollingDto(string Measure, string Area, string Level, string LatestFrom, string LatestTo, long Previous12Months, long Latest12Months,
        long Difference, decimal? PercentChange, bool Significant, string Verdict);
}
