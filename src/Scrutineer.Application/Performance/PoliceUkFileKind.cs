namespace Scrutineer.Application.Performance;

/// <summary>The three kinds of data.police.uk monthly file, told apart by their header row.</summary>
public enum PoliceUkFileKind
{
    /// <summary>Street-level crime (<c>…-street.csv</c>): one row per crime or anti-social behaviour incident.</summary>
    Street,

    /// <summary>Outcomes (<c>…-outcomes.csv</c>): one row per outcome recorded in the month.</summary>
    Outcomes,

    /// <summary>Stop and search (<c>…-stop-and-search.csv</c>): one row per search.</summary>
    StopAndSearch,
}
