namespace Scrutineer.Domain.Delivery;

/// <summary>What <see cref="DeliveryTask.ImportStatus"/> did with the status a delivery workbook gives for a task.</summary>
public enum WorkbookStatusOutcome
{
    /// <summary>The workbook agrees with the task's status; nothing recorded.</summary>
    Unchanged,

    /// <summary>The status was not changed in Scrutineer since the last import, so the workbook's status was taken.</summary>
    Taken,

    /// <summary>
    /// The status was changed in Scrutineer since the last import and the workbook still gives the status it gave then:
    /// Scrutineer's status was kept.
    /// </summary>
    KeptScrutineer,

    /// <summary>
    /// The status was changed in Scrutineer since the last import, but the workbook's own status changed since then too:
    /// the workbook's status was taken.
    /// </summary>
    WorkbookWon,
}
