using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Imports;
using Scrutineer.Domain.Performance;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Imports the dated table of most similar forces from <c>force,peer,from,to</c> rows (dates YYYY-MM-DD, <c>to</c> empty
/// while current). The file is the whole table for each force it names: those forces' groups are replaced by the
/// file's rows; other forces' groups stay. Forces are matched to the store's by <see cref="ForceNames"/>; a row whose
/// force or peer is unmatched or ambiguous is reported by line and skipped (the table covers forces whose data the
/// store may not hold yet). A malformed row stops the import with file:line and nothing is written.
/// </summary>
public sealed class PeerGroupImport(ScrutineerDb db)
{
    /// <summary>The most data rows a peer table may have (43 forces × many peers × their history fit easily).</summary>
    public const int MaxRows = 10_000;

    /// <summary>Imports <paramref name="path"/>.</summary>
    /// <exception cref="DomainException">A missing file, a wrong header, a bad row (as <see cref="ImportException"/>), or no row naming forces the store holds.</exception>
    public async Task<PeerGroupImportResult> ImportAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new DomainException($"{path}: no such file.");
        }

        var name = path;
        var records = CsvFile.Read(path).Take(MaxRows + 2).ToList();
        if (records.Count == 0 || !records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).SequenceEqual(["force", "peer", "from", "to"]))
        {
            throw new ImportException(name, 1, "expected the header 'force,peer,from,to': put it on the first line.");
        }

        if (records.Count > MaxRows + 1)
        {
            throw new ImportException(name, records[^1].Line, string.Create(EnGb.Culture, $"more than {MaxRows:N0} rows, the most a peer table may have: split the file by force."));
        }

        var started = AuditContext.Clock.GetUtcNow();
        var files = ImportedFile.Describe([path], cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var forces = await db.Areas.Where(a => a.Level == AreaLevel.Force).ToDictionaryAsync(a => a.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var names = new ForceNames(forces.Keys);
            var skipped = new List<SkippedRow>();
            var rows = new List<(long Line, Area Force, Area Peer, DateOnly From, DateOnly? To)>();
            foreach (var (line, f) in records.Skip(1))
            {
                if (f.Length != 4)
                {
                    throw new ImportException(name, line, $"expected 4 fields (force,peer,from,to), found {f.Length}: check for a comma inside a name and quote it.");
                }

                var forceName = ImportText.Name(name, line, "force", f[0].Trim(), Area.NameMaxLength);
                var peerName = ImportText.Name(name, line, "peer", f[1].Trim(), Area.NameMaxLength);
                if (forceName.Length == 0 || peerName.Length == 0)
                {
                    throw new ImportException(name, line, $"{(forceName.Length == 0 ? "force" : "peer")} is empty: name a force, for example 'Essex Police'.");
                }

                var from = Day(name, line, "from", f[2]) ?? throw new ImportException(name, line, "from is empty: give the first day the peer is in the group, as YYYY-MM-DD.");
                var to = Day(name, line, "to", f[3]);
                if (to is { } end && end < from)
                {
                    throw new ImportException(name, line, $"to ({Iso(end)}) is before from ({Iso(from)}): the last day comes after the first.");
                }

                var force = names.Match(forceName);
                var peer = names.Match(peerName);
                if (force.Force is null || peer.Force is null)
                {
                    skipped.Add(force.Force is null ? new SkippedRow(name, line, "force", force.Problem) : new SkippedRow(name, line, "peer", peer.Problem));
                    continue;
                }

                if (string.Equals(force.Force, peer.Force, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ImportException(name, line, $"'{peerName}' is {force.Force} itself: a force is not its own peer.");
                }

                var clash = rows.FirstOrDefault(r => r.Force.Name == force.Force && r.Peer.Name == peer.Force
                    && r.From <= (to ?? DateOnly.MaxValue) && from <= (r.To ?? DateOnly.MaxValue));
                if (clash.Force is not null)
                {
                    throw new ImportException(name, line, $"{peer.Force} is already in {force.Force}'s group on some of these days (line {clash.Line}): give each period once.");
                }

                rows.Add((line, forces[force.Force], forces[peer.Force], from, to));
            }

            if (rows.Count == 0)
            {
                throw new DomainException(skipped.Count == 0
                    ? $"{name}: the file has no rows under its header: add one row per force and peer."
                    : $"{name}: no row names two forces the store holds, so nothing was imported. {skipped[0]} Import the forces' data.police.uk files first.");
            }

            var replaced = rows.Select(r => r.Force.Id).Distinct().ToList();
            var removed = await db.PeerLinks.Where(l => replaced.Contains(l.ForceId)).ExecuteDeleteAsync(cancellationToken);
            foreach (var r in rows)
            {
                db.PeerLinks.Add(new PeerLink(r.Force, r.Peer, r.From, r.To));
            }

            await db.SaveChangesAsync(cancellationToken);
            var summary = string.Create(EnGb.Culture,
                $"Peer groups of {Figures.Count(replaced.Count, "force", "forces")} replaced: {Figures.Count(rows.Count, "link", "links")} written, {removed:N0} removed; {Figures.Count(skipped.Count, "row", "rows")} skipped.");
            var run = await ImportRuns.RecordAsync(db, ImportRunKind.Peers, started, files, records.Count - 1, summary, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new PeerGroupImportResult(records.Count - 1, rows.Count, replaced.Count, skipped, summary, run);
        });
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(string file, long line, string field, string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ImportException(file, line, $"{field} '{(text.Length > 40 ? text[..40] + "…" : text)}' is not a date: expected YYYY-MM-DD, for example 2025-04-01.");
    }
}
