namespace Scrutineer.Application.Csv;

/// <summary>
/// What one kind of CSV file may hold, checked by <see cref="CsvReader"/> while it reads, with the words each limit is
/// refused in (the caller's own: "a data.police.uk row", "a delivery plan file"). The line a broken record starts on is
/// given with the refusal.
/// </summary>
/// <param name="MaxFileBytes">The largest file read, checked before reading (<see cref="CheckFileSize"/>).</param>
/// <param name="MaxRecordBytes">The longest record in bytes, line breaks inside quotes included.</param>
/// <param name="MaxFields">The most fields one record may have.</param>
/// <param name="MaxLines">The last line a record may start on.</param>
/// <param name="FileTooLarge">The refusal of a file of the given number of bytes.</param>
/// <param name="RecordTooLong">The refusal of a record longer than <paramref name="MaxRecordBytes"/>.</param>
/// <param name="TooManyFields">The refusal of a record with more than <paramref name="MaxFields"/> fields.</param>
/// <param name="TooManyLines">The refusal of a record starting past line <paramref name="MaxLines"/>.</param>
internal sealed record CsvLimits(
    long MaxFileBytes, int MaxRecordBytes, int MaxFields, long MaxLines,
    Func<long, string> FileTooLarge, string RecordTooLong, string TooManyFields, string TooManyLines)
{
    /// <summary>Refuses a file larger than <see cref="MaxFileBytes"/> before anything of it is read.</summary>
    /// <exception cref="CsvException">The file is too large (line 1).</exception>
    public void CheckFileSize(long bytes)
    {
        if (bytes > MaxFileBytes)
        {
            throw new CsvException(1, FileTooLarge(bytes));
        }
    }
}
