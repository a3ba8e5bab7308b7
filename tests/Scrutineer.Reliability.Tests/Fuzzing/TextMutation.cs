namespace Scrutineer.Reliability.Tests.Fuzzing;

/// <summary>The ways <see cref="TextMutator"/> damages a valid CSV or YAML input.</summary>
public enum TextMutation
{
    Truncate,
    Utf16,
    Latin1,
    InvalidUtf8,
    HugeField,
    Formula,
    DeleteLine,
    DuplicateLine,
    SwapLines,
    ExtraSeparator,
    MissingSeparator,
    UnbalancedQuote,
    Indentation,
    ByteFlips,
    ControlCharacters,
    GarbageLine,
    AliasBomb,
    DeepNesting,
    Empty,
}
