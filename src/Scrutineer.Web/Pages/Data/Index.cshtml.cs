using Microsoft.AspNetCore.Mvc;
using Scrutineer.Application.Data;
using Scrutineer.Application.Delivery;
using Scrutineer.Application.Imports;
using Scrutineer.Application.Performance;
using Scrutineer.Domain.Common;
using Scrutineer.Web.Security;

namespace Scrutineer.Web.Pages.Data;

/// <summary>
/// Uploads (analysts and administrators): data.police.uk CSV files, measure CSVs, delivery-plan workbooks, peer groups
/// of most similar forces and crime harm index weights. Each
/// upload is imported synchronously in one transaction (the imports read about 150 MB of CSV in under 5 s) within the
/// <see cref="UploadBudget"/>, and the page shows what was imported, what was flagged, or the error with its file and line (nothing written then). Below,
/// every import run with its status: months held as provisional (with the reason) can be confirmed, and an import of
/// figures undone after a confirmation step; both call the application's <see cref="ImportRuns"/> and <see cref="ImportRunUndo"/>.
/// </summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class IndexModel(ScrutineerDb db, TimeProvider clock, ILogger<IndexModel> log, UploadBudget budget) : ScrutineerPageModel
{
    /// <summary>The most one upload may carry, all files together: 200 MB.</summary>
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    /// <summary>The form that was posted: police-uk, measures, delivery, peers or harm.</summary>
    public string? Posted { get; private set; }

    /// <summary>What the import did, line by line, when it succeeded.</summary>
    public IReadOnlyList<string> Imported { get; private set; } = [];

    /// <summary>Notes the user should look at (status conflicts, flagged and skipped rows of a delivery import).</summary>
    public IReadOnlyList<ImportNote> Flagged { get; private set; } = [];

    /// <summary>The import's totals, the same ones its summary line gives.</summary>
    public IReadOnlyList<ImportTotal> Totals { get; private set; } = [];

    /// <summary>Months the import just made holds as provisional, with the reasons.</summary>
    public IReadOnlyList<HeldMonth> HeldNow { get; private set; } = [];

    /// <summary>Every import run, newest first.</summary>
    public IReadOnlyList<ImportRunListing> Runs { get; private set; } = [];

    /// <summary>The run the user asked to undo, while the confirmation step is shown; null otherwise.</summary>
    public ImportRunListing? UndoAsked { get; private set; }

    [BindProperty]
    public string? Strategy { get; set; }

    /// <summary>The harm index's name for a weights upload (empty: from the weight column).</summary>
    [BindProperty]
    public string? HarmIndex { get; set; }

    /// <summary>Where the harm weights come from, printed beside harm figures.</summary>
    [BindProperty]
    public string? HarmSource { get; set; }

    /// <summary>The run to undo or confirm.</summary>
    [BindProperty]
    public long? Run { get; set; }

    /// <summary>"confirm" when the undo form comes from the confirmation step.</summary>
    [BindProperty]
    public string? UndoStep { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Runs = await ImportRuns.ListAsync(db, ct);

    /// <summary>Confirms the months a run holds as provisional.</summary>
    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) =>
        AttemptAsync(async () =>
        {
            var confirmed = await ImportRuns.ConfirmAsync(db, Run ?? throw new DomainException("Choose the import run to confirm."), ct);
            log.LogInformation("{User} confirmed import run {Run}", Me.UserName, confirmed.Id);
            Notice($"Confirmed import run {confirmed.Id}: its months are used in every figure from now on.");
            return RedirectToPage();
        }, () => RunsPageAsync(ct), nameof(Run));

    /// <summary>Asks to undo a run (the confirmation step), then undoes it when confirmed.</summary>
    public Task<IActionResult> OnPostUndoAsync(CancellationToken ct) =>
        AttemptAsync(async () =>
        {
            var id = Run ?? throw new DomainException("Choose the import run to undo.");
            if (UndoStep != "confirm")
            {
                UndoAsked = await ImportRuns.FindAsync(db, id, ct);
                return await RunsPageAsync(ct);
            }

            var undone = await ImportRunUndo.UndoAsync(db, id, ct);
            log.LogInformation("{User} undid import run {Run}", Me.UserName, undone.Id);
            Notice($"Undid import run {undone.Id}: the figures it replaced are back and those it added are removed.");
            return RedirectToPage();
        }, () => RunsPageAsync(ct), nameof(Run));

    public Task<IActionResult> OnPostPoliceUkAsync(List<IFormFile> files, CancellationToken ct) =>
        ImportAsync("police-uk", files, ".csv", async (paths, token) =>
        {
            var result = await new PoliceUkImport(db).ImportAsync(paths, cancellationToken: token);
            HeldNow = result.Run.Held;
            Imported =
            [
                $"Recorded as import run {result.Run.Id}.",
                $"{result.Files} file{(result.Files == 1 ? "" : "s")} read: {Figures.Count(result.Rows)} rows from {result.FirstMonth.LongLabel} to {result.LastMonth.LongLabel}.",
                $"Forces: {string.Join(", ", result.Forces)}; {result.Months} force-month{(result.Months == 1 ? "" : "s")} written ({Figures.Count(result.Observations)} observations), each replacing what was there.",
                result.RowsOutsideMappedDistricts == 0
                    ? "Every row with a location fell in one of the force's districts."
                    : $"{Figures.Count(result.RowsOutsideMappedDistricts)} rows lie outside the force's mapped districts: counted for the force only.",
            ];
        }, ct);

    public Task<IActionResult> OnPostMeasuresAsync(List<IFormFile> files, CancellationToken ct) =>
        ImportAsync("measures", files, ".csv", async (paths, token) =>
        {
            var lines = new List<string>();
            var held = new List<HeldMonth>();
            foreach (var path in paths)
            {
                var result = await new MeasuresImport(db).ImportAsync(path, token);
                lines.Add($"{Path.GetFileName(path)}: {result.Summary} Recorded as import run {result.Run.Id}.");
                held.AddRange(result.Run.Held);
            }

            Imported = lines;
            HeldNow = held;
        }, ct);

    public Task<IActionResult> OnPostDeliveryAsync(List<IFormFile> files, CancellationToken ct) =>
        ImportAsync("delivery", files, ".xlsx .csv", async (paths, token) =>
        {
            var today = UkClock.Today(clock);
            var report = await DeliveryImport.ImportAsync(db, paths, new DeliveryImportOptions(string.IsNullOrWhiteSpace(Strategy) ? null : Strategy.Trim(), today), token);
            Imported = [report.Summary];
            Totals = report.Totals;
            Flagged = report.Notes.Where(n => n.Kind is ImportNoteKind.Conflict or ImportNoteKind.Flagged or ImportNoteKind.Skipped).ToList();
        }, ct);

    public Task<IActionResult> OnPostPeersAsync(List<IFormFile> files, CancellationToken ct) =>
        ImportAsync("peers", files, ".csv", async (paths, token) =>
        {
            var lines = new List<string>();
            foreach (var path in paths)
            {
                var result = await new PeerGroupImport(db).ImportAsync(path, token);
                lines.Add($"{Path.GetFileName(path)}: {result.Summary} Recorded as import run {result.RunId}.");
                lines.AddRange(SkippedRow.Describe(Uploaded(result.Skipped)));
            }

            Imported = lines;
        }, ct);

    public Task<IActionResult> OnPostHarmAsync(List<IFormFile> files, CancellationToken ct) =>
        ImportAsync("harm", files, ".csv", async (paths, token) =>
        {
            if (paths.Count > 1)
            {
                throw new DomainException("Upload one harm weights file at a time: each file is one index.");
            }

            var result = await new HarmWeightsImport(db).ImportAsync(paths[0], Blank(HarmIndex), Blank(HarmSource), token);
            Imported = [$"{Path.GetFileName(paths[0])}: {result.Summary} Recorded as import run {result.RunId}.", .. SkippedRow.Describe(Uploaded(result.Skipped))];
        }, ct);

    /// <summary>The skipped rows under the uploaded file's own name, not the server's folder it was saved in.</summary>
    private static List<SkippedRow> Uploaded(IEnumerable<SkippedRow> skipped) => skipped.Select(r => r with { File = Path.GetFileName(r.File) }).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// Saves the uploads under their own names in a new folder, runs <paramref name="import"/> on them, and turns a
    /// rule the data breaks into a form error (messages name the uploaded file, not the folder). The folder is removed.
    /// </summary>
    private async Task<IActionResult> ImportAsync(string form, List<IFormFile> files, string extensions, Func<IReadOnlyList<string>, CancellationToken, Task> import, CancellationToken ct)
    {
        Posted = form;
        var field = FieldFor(form);
        var uploads = files.Where(f => f.Length > 0).ToList();
        if (uploads.Count == 0)
        {
            ModelState.AddModelError(field, "Choose at least one file to upload.");
            return await RunsPageAsync(ct);
        }

        var allowed = extensions.Split(' ');
        var names = uploads.Select(f => Path.GetFileName(f.FileName.Replace('\\', '/'))).ToList();
        var wrong = names.Where(n => !allowed.Any(e => n.EndsWith(e, StringComparison.OrdinalIgnoreCase))).ToList();
        if (wrong.Count > 0)
        {
            ModelState.AddModelError(field, $"{string.Join(", ", wrong)}: expected {string.Join(" or ", allowed)} files.");
            return await RunsPageAsync(ct);
        }

        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
        {
            ModelState.AddModelError(field, "Two files have the same name: upload each file once.");
            return await RunsPageAsync(ct);
        }

        var folder = Directory.CreateTempSubdirectory("scrutineer-upload-").FullName;
        try
        {
            var paths = new List<string>();
            foreach (var (upload, name) in uploads.Zip(names))
            {
                var path = Path.Combine(folder, name);
                await using (var stream = System.IO.File.Create(path))
                {
                    await upload.CopyToAsync(stream, ct);
                }

                paths.Add(path);
            }

            await budget.ReadAsync(string.Join(", ", names), async token =>
            {
                await import(paths, token);
                return true;
            }, ct);
            log.LogInformation("{User} imported {Form} files {Files}", Me.UserName, form, names);
        }
        catch (DomainException ex)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(field, ex.Message.Replace(folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return await RunsPageAsync(ct);
    }

    private async Task<IActionResult> RunsPageAsync(CancellationToken ct)
    {
        Runs = await ImportRuns.ListAsync(db, ct);
        return Page();
    }

    /// <summary>The id of a form's file input, for the error summary's links.</summary>
    public static string FieldFor(string form) => form switch
    {
        "police-uk" => "PoliceUkFiles",
        "measures" => "MeasuresFiles",
        "peers" => "PeersFiles",
        "harm" => "HarmFiles",
        _ => "DeliveryFiles",
    };
}
