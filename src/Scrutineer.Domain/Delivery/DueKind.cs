namespace Scrutineer.Domain.Delivery;

/// <summary>How a task's "When" was written, once read.</summary>
public enum DueKind
{
    /// <summary>Nothing written.</summary>
    Blank,

    /// <summary>A day: "15/6/18", "20.03.2018", "4th May 2018".</summary>
    Date,

    /// <summary>A month: "Sep-18", "End July 2018"; due on the month's last day.</summary>
    Month,

    /// <summary>A season: "Spring 2019"; due on the season's last day.</summary>
    Season,

    /// <summary>Recurring: "Quarterly", "Monthly".</summary>
    Frequency,

    /// <summary>A review milestone: "1st review 15/6/18"; the date is the review date.</summary>
    Review,

    /// <summary>Ongoing until a date: "Ongoing until Sept 2018".</summary>
    Until,

    /// <summary>A status or milestone in words that carries no date: "COMPLETED", "Effective immediate", "Process under review".</summary>
    Milestone,
}
