using System.Text;
using System.Text.RegularExpressions;
using Scrutineer.Testing;

namespace Scrutineer.Application.Tests.Architecture;

/// <summary>
/// Which top-level folders (namespaces) of a project use which, read from its C# sources: a folder uses another when
/// one of its files has a <c>using</c> of the other's namespace (plain, static, alias or global) or names one of the
/// other's types qualified by the folder (<c>Data.ScrutineerDb</c>, <c>Scrutineer.Application.Data.ScrutineerDb</c>).
/// Comments and string literals are ignored. Every edge keeps the files and references that make it.
/// </summary>
internal sealed partial class FolderGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> edges = new(StringComparer.Ordinal);

    private FolderGraph(string rootNamespace) => RootNamespace = rootNamespace;

    /// <summary>The project's root namespace: "Scrutineer.Application".</summary>
    public string RootNamespace { get; }

    /// <summary>The folders every folder uses, with the reasons ("Audit/AuditTrail.cs: using Scrutineer.Application.Data").</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, SortedSet<string>>> Edges => edges;

    /// <summary>The graph of the project in <c>src/</c> named <paramref name="project"/> (its root namespace).</summary>
    public static FolderGraph OfProject(string project)
    {
        var directory = Repository.Path("src", project);
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(f => (Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText(f)));
        return Of(project, files);
    }

    /// <summary>The graph of <paramref name="files"/> (path, text), all in <paramref name="rootNamespace"/> or below it.</summary>
    public static FolderGraph Of(string rootNamespace, IEnumerable<(string Path, string Text)> files)
    {
        var graph = new FolderGraph(rootNamespace);
        var parsed = files.Select(f => (f.Path, Code: Code(f.Text))).Select(f => (f.Path, f.Code, Folder: graph.FolderOf(f.Code))).ToList();
        var types = parsed.Where(f => f.Folder is not null)
            .SelectMany(f => TypeDeclaration().Matches(f.Code).Select(m => (f.Folder!, Type: m.Groups[1].Value)))
            .ToHashSet();
        var folders = types.Select(t => t.Item1).ToHashSet(StringComparer.Ordinal);
        var globalUsings = new List<(string Path, string Folder, string Reason)>();
        var shortPrefix = rootNamespace[(rootNamespace.LastIndexOf('.') + 1)..];
        var qualified = new Regex(@"(?<![\w.])(?:" + Regex.Escape(rootNamespace) + @"\.|" + Regex.Escape(shortPrefix) + @"\.)?(\w+)\.(\w+)\b");

        foreach (var (path, code, folder) in parsed.Where(f => f.Folder is not null))
        {
            foreach (Match directive in UsingDirective().Matches(code))
            {
                var used = graph.FolderIn(directive.Groups["ns"].Value);
                if (used is null)
                {
                    continue;
                }

                if (directive.Groups["global"].Success)
                {
                    globalUsings.Add((path, used, $"{path}: {directive.Value.Trim()}"));
                }
                else
                {
                    graph.Add(folder!, used, $"{path}: {directive.Value.Trim()}");
                }
            }

            foreach (Match reference in qualified.Matches(UsingDirective().Replace(code, "")))
            {
                if (types.Contains((reference.Groups[1].Value, reference.Groups[2].Value)))
                {
                    graph.Add(folder!, reference.Groups[1].Value, $"{path}: {reference.Value}");
                }
            }
        }

        foreach (var (_, used, reason) in globalUsings)
        {
            foreach (var folder in folders)
            {
                graph.Add(folder, used, reason);
            }
        }

        return graph;
    }

    /// <summary>
    /// Every cycle of folders, one per strongly connected set, as the path round it ("Data", "Imports", "Data").
    /// Empty when the folders depend on each other one way only.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = edges.Keys.Concat(edges.Values.SelectMany(e => e.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var reaches = nodes.ToDictionary(n => n, Reachable, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var node in nodes.Where(n => reaches[n].Contains(n) && !seen.Contains(n)))
        {
            seen.UnionWith(nodes.Where(other => reaches[node].Contains(other) && reaches[other].Contains(node)));
            cycles.Add(PathRound(node));
        }

        return cycles;
    }

    /// <summary>A cycle written for the person who must break it: the path, then the references making each step.</summary>
    public string Describe(IReadOnlyList<string> cycle)
    {
        var text = new StringBuilder($"{RootNamespace}: {string.Join(" → ", cycle)}");
        for (var i = 0; i + 1 < cycle.Count; i++)
        {
            var reasons = edges[cycle[i]][cycle[i + 1]];
            text.Append($"\n  {cycle[i]} → {cycle[i + 1]}: {string.Join("; ", reasons.Take(4))}{(reasons.Count > 4 ? $" (and {reasons.Count - 4} more)" : "")}");
        }

        return text.ToString();
    }

    /// <summary>The code of a file without comments and with every string and character literal emptied.</summary>
    private static string Code(string text) =>
        CommentOrLiteral().Replace(text, m => m.Value.StartsWith('/') ? new string('\n', m.Value.Count(c => c == '\n')) : "\"\"");

    private string? FolderOf(string code) => Namespace().Match(code) is { Success: true } ns
        ? FolderIn(ns.Groups[1].Value) ?? (ns.Groups[1].Value == RootNamespace ? "(root)" : null)
        : null;

    /// <summary>The top-level folder of <paramref name="ns"/> in this project ("Data" for "Scrutineer.Application.Data.Migrations"), or null.</summary>
    private string? FolderIn(string ns) =>
        ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal) ? ns[(RootNamespace.Length + 1)..].Split('.')[0] : null;

    private void Add(string from, string to, string reason)
    {
        if (from == to)
        {
            return;
        }

        if (!edges.TryGetValue(from, out var targets))
        {
            edges[from] = targets = new(StringComparer.Ordinal);
        }

        if (!targets.TryGetValue(to, out var reasons))
        {
            targets[to] = reasons = new(StringComparer.Ordinal);
        }

        reasons.Add(reason);
    }

    private HashSet<string> Reachable(string start)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var next = new Stack<string>([start]);
        while (next.TryPop(out var node))
        {
            foreach (var used in edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (found.Add(used))
                {
                    next.Push(used);
                }
            }
        }

        return found;
    }

    /// <summary>The shortest path from <paramref name="start"/> back to itself.</summary>
    private List<string> PathRound(string start)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var used in edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (used == start)
                {
                    var path = new List<string> { start, node };
                    while (path[^1] != start)
                    {
                        path.Add(cameFrom[path[^1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (cameFrom.TryAdd(used, node))
                {
                    queue.Enqueue(used);
                }
            }
        }

        throw new InvalidOperationException($"{start} is on no cycle.");
    }

    [GeneratedRegex(@"/\*[\s\S]*?\*/|//[^\n]*|""""""[\s\S]*?""""""|\$?@\$?""(?:[^""]|"""")*""|\$?""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'")]
    private static partial Regex CommentOrLiteral();

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^\s*(?<global>global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex TypeDeclaration();
}
