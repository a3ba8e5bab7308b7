using System.Globalization;

namespace Scrutineer.Web.Pages;

/// <summary>A GOV.UK date input's three fields, bound as Name.Day, Name.Month, Name.Year.</summary>
public sealed class DateInputModel
{
    public string Name { get; set; } = "";

    public string Legend { get; set; } = "";

    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public static DateInputModel Of(string name, string legend, DateOnly? date) => new()
    {
        Name = name,
        Legend = legend,
        Day = date?.Day.ToString(CultureInfo.InvariantCulture),
        Month = date?.Month.ToString(CultureInfo.InvariantCulture),
        Year = date?.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The date, or null with a message in GOV.UK style.</summary>
    public DateOnly? Parse(out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year))
        {
            error = $"Enter the {Legend.ToLowerInvariant()}";
            return null;
        }

        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 2000 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        error = $"The {Legend.ToLowerInvariant()} must be a real date, such as 27 3 2024";
        return null;
    }
}
