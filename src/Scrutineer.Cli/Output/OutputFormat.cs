namespace Scrutineer.Cli.Output;

/// <summary>How list commands print: an aligned table for people, CSV with a header row, or JSON.</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,
}
