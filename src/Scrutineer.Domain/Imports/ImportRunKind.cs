namespace Scrutineer.Domain.Imports;

/// <summary>What an import run loaded.</summary>
public enum ImportRunKind
{
    /// <summary>data.police.uk street-level crime, outcomes or stop-and-search files.</summary>
    PoliceUk,

    /// <summary>A tidy CSV of observations (measure,area,period,value).</summary>
    Measures,

    /// <summary>A CSV of measure definitions (name,unit,kind,better,definition,source).</summary>
    MeasureDefinitions,

    /// <summary>The area hierarchy and the LSOA-to-district mapping.</summary>
    Areas,

    /// <summary>Delivery-plan workbooks or CSV files.</summary>
    Delivery,

    /// <summary>A Police and Crime Plan file (YAML): the plan, its units, priorities and commitments.</summary>
    Plan,

    /// <summary>A round's quarterly updates from a CSV file or Excel workbook.</summary>
    QuarterlyUpdates,

    /// <summary>The dated table of most similar forces (force,peer,from,to).</summary>
    Peers,

    /// <summary>A crime harm index's weights (force,crime_type,days).</summary>
    HarmWeights,
}
