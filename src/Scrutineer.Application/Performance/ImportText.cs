using Scrutineer.Domain.Common;

namespace Scrutineer.Application.Performance;

/// <summary>
/// Checks a name read from an import file before it becomes a measure, area or mapping: not longer than the store holds
/// and free of control characters (NUL cannot be stored at all; the others are damage, never part of a name). A bad
/// value is refused as <c>file:line</c> naming the column, before anything is written.
/// </summary>
internal static class ImportText
{
    /// <summary>Returns <paramref name="text"/> when it may be stored as <paramref name="column"/>.</summary>
    /// <exception cref="ImportException">Longer than <paramref name="max"/> characters, or a control character.</exception>
    public static ReadOnlySpan<char> Name(string path, long line, string column, ReadOnlySpan<char> text, int max)
    {
        if (text.Length > max)
        {
            throw new ImportException(path, line, string.Create(EnGb.Culture,
                $"{column} is {text.Length:N0} characters long; at most {max:N0} are allowed."));
        }

        var control = text.IndexOfAnyInRange('\0', '\u001f');
        if (control < 0)
        {
            control = text.IndexOfAnyInRange('\u007f', '\u009f');
        }

        return control < 0 ? text : throw new ImportException(path, line, string.Create(EnGb.Culture,
            $"{column} contains a control character (U+{(int)text[control]:X4}) at position {control + 1}: is the file damaged?"));
    }

    /// <summary>As <see cref="Name(string, long, string, ReadOnlySpan{char}, int)"/> for a string.</summary>
    public static string Name(string path, long line, string column, string text, int max)
    {
        Name(path, line, column, text.AsSpan(), max);
        return text;
    }

    /// <summary>A descriptive text (a definition, a unit, a source): as a name, except that tabs and line breaks are allowed.</summary>
    public static string Text(string path, long line, string column, string text, int max)
    {
        Name(path, line, column, text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').AsSpan(), max);
        return text;
    }
}
