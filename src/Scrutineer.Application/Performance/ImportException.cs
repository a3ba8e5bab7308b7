using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Performance;

/// <summary>A row of an import file is wrong: the message names the file, the line and what was expected. Nothing of the import is kept.</summary>
public sealed class ImportException(string file, long line, string problem) : DomainException($"{file}:{line}: {problem}")
{
    /// <summary>The file.</summary>
    public string File { get; } = file;

    /// <summary>The 1-based line number where the bad row starts.</summary>
    public long Line { get; } = line;

    /// <summary>What was wrong.</summary>
    public string Problem { get; } = problem;
}
