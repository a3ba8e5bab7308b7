namespace Scrutineer.Cli;

/// <summary>A command-line request that cannot be carried out, with a message that says why (unknown period, unit, file).</summary>
public sealed class CliException(string message) : Exception(message);
