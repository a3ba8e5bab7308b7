using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.Imports;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Imports;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Imports the area hierarchy and the LSOA-to-district mapping from <c>lsoa,district,lpa,force</c> rows: the force, its
/// Local Policing Areas and districts are created as needed, districts are placed under their LPA, and each LSOA (an
/// LSOA code, or a local authority name matching data.police.uk's LSOA names) is assigned to its district. Loading a
/// file again updates the mapping. Observations already imported keep their areas: import the months again to recount.
/// </summary>
public sealed class AreaMappingImport(ScrutineerDb db)
{
    /// <summary>Imports <paramref name="path"/>; returns a sentence saying what changed.</summary>
    /// <exception cref="DomainException">Missing file, wrong header, a bad row (file:line) or a name used at two levels.</exception>
    public async Task<string> ImportAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new DomainException($"{path}: no such file.");
        }

        var records = CsvFile.Read(path).ToList();
        if (records.Count == 0 || !records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).SequenceEqual(["lsoa", "district", "lpa", "force"]))
        {
            throw new ImportException(path, 1, "expected the header 'lsoa,district,lpa,force'.");
        }

        var started = AuditContext.Clock.GetUtcNow();
        var files = ImportedFile.Describe([path], cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var areas = await db.Areas.ToDictionaryAsync(a => a.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var mappings = await db.LsoaMappings.ToDictionaryAsync(m => m.Lsoa, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // Where the file places each area (its parent and the line): a file that places one area in two parents contradicts itself.
            var placed = new Dictionary<string, (string? Parent, long Line)>(StringComparer.OrdinalIgnoreCase);
            int createdAreas = 0, mapped = 0;
            foreach (var (line, f) in records.Skip(1))
            {
                if (f.Length != 4)
                {
                    throw new ImportException(path, line, $"expected 4 fields (lsoa,district,lpa,force), found {f.Length}.");
                }

                var (lsoa, districtName, lpaName, forceName) = (f[0].Trim(), f[1].Trim(), f[2].Trim(), f[3].Trim());
                if (lsoa.Length == 0 || districtName.Length == 0 || forceName.Length == 0)
                {
                    throw new ImportException(path, line, "lsoa, district and force are required (lpa may be empty).");
                }

                ImportText.Name(path, line, "lsoa", lsoa, 100);
                ImportText.Name(path, line, "district", districtName, Area.NameMaxLength);
                ImportText.Name(path, line, "lpa", lpaName, Area.NameMaxLength);
                ImportText.Name(path, line, "force", forceName, Area.NameMaxLength);
                if (!seen.Add(lsoa))
                {
                    throw new ImportException(path, line, $"LSOA '{lsoa}' is mapped twice.");
                }

                try
                {
                    var force = Get(forceName, AreaLevel.Force, null);
                    var lpa = lpaName.Length == 0 ? null : Get(lpaName, AreaLevel.LocalPolicingArea, force);
                    var district = Get(districtName, AreaLevel.District, lpa ?? force);
                    if (mappings.TryGetValue(lsoa, out var mapping))
                    {
                        mapping.MoveTo(district);
                    }
                    else
                    {
                        mapping = new LsoaMapping(lsoa, district);
                        db.LsoaMappings.Add(mapping);
                        mappings[lsoa] = mapping;
                    }

                    mapped++;
                }
                catch (DomainException ex) when (ex is not ImportException)
                {
                    throw new ImportException(path, line, ex.Message);
                }

                Area Get(string name, AreaLevel level, Area? parent)
                {
                    if (areas.TryGetValue(name, out var area))
                    {
                        if (area.Level != level)
                        {
                            throw new DomainException($"'{name}' is already a {area.Level} area, not a {level}.");
                        }

                        if (placed.TryGetValue(name, out var earlier) && !string.Equals(earlier.Parent, parent?.Name, StringComparison.OrdinalIgnoreCase))
                        {
                            throw new DomainException(
                                $"'{name}' is placed under '{parent?.Name}' here but under '{earlier.Parent}' on line {earlier.Line}: an area has one parent.");
                        }

                        placed.TryAdd(name, (parent?.Name, line));
                        if (parent is not null && area.Parent != parent)
                        {
                            area.PlaceUnder(parent);
                        }

                        return area;
                    }

                    placed[name] = (parent?.Name, line);
                    area = new Area(name, level, parent);
                    db.Areas.Add(area);
                    areas[name] = area;
                    createdAreas++;
                    return area;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            var summary = $"Mapped {Figures.Count(mapped, "LSOA code or local authority", "LSOA codes or local authorities")}; {Figures.Count(createdAreas, "new area", "new areas")}.";
            await ImportRuns.RecordAsync(db, ImportRunKind.Areas, started, files, records.Count - 1, summary, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return summary;
        });
    }
}
