namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>One fuzz case: its number (reproducible from the seed), what was done, and the damaged bytes.</summary>
public sealed record MutatedInput(int Case, string Description, byte[] Bytes)
{
    public override string ToString() => $"case {Case}: {Description} ({Bytes.Length:N0} bytes)";
}
