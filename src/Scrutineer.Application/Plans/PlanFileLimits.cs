using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Scrutineer.Application.Plans;

/// <summary>
/// The limits a plan file must keep before it is loaded, checked by a streaming pass over YamlDotNet's parser events
/// (which keeps its own stack, so no file can drive recursion deep): at most <see cref="MaxCharacters"/> characters,
/// nesting at most <see cref="MaxDepth"/> deep, at most <see cref="MaxNodes"/> values, and no anchors or aliases (a plan
/// file has no use for them, and aliases let a small file expand without bound). Far above any real plan: the demo
/// plan nests 5 deep and holds about 2,000 values.
/// </summary>
public static class PlanFileLimits
{
    /// <summary>The longest plan file read: 5 million characters.</summary>
    public const int MaxCharacters = 5_000_000;

    /// <summary>The deepest nesting of lists and mappings.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most values (scalars, lists and mappings) in one file.</summary>
    public const int MaxNodes = 200_000;

    /// <summary>Reads at most <see cref="MaxCharacters"/> characters; null (with the problem) when the file is longer.</summary>
    public static (string? Text, PlanFileError? Problem) ReadText(TextReader reader, string file)
    {
        var buffer = new char[MaxCharacters + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = reader.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        return read > MaxCharacters
            ? (null, new PlanFileError(file, 0, "(file)", string.Create(CultureInfo.InvariantCulture, $"the file is longer than the {MaxCharacters:N0} characters a plan file may have; it is not a plan file.")))
            : (new string(buffer, 0, read), null);
    }

    /// <summary>The first limit <paramref name="text"/> breaks, as an error naming the file and line; null when it keeps them all.</summary>
    public static PlanFileError? Check(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var line = (int)current.Start.Line;
                switch (current)
                {
                    case AnchorAlias:
                        return new PlanFileError(file, line, "(file)", "YAML aliases (*name) are not accepted in a plan file: write the text out in full.");
                    case NodeEvent { Anchor.IsEmpty: false }:
                        return new PlanFileError(file, line, "(file)", "YAML anchors (&name) are not accepted in a plan file: write the text out in full.");
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return new PlanFileError(file, line, "(file)", string.Create(CultureInfo.InvariantCulture, $"lists and mappings nest more than {MaxDepth} deep; a plan file nests at most 5 deep."));
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }

                if (current is NodeEvent && ++nodes > MaxNodes)
                {
                    return new PlanFileError(file, line, "(file)", string.Create(CultureInfo.InvariantCulture, $"the file holds more than {MaxNodes:N0} values; it is not a plan file."));
                }
            }
        }
        catch (YamlException)
        {
            // Not valid YAML: loading it reports where, in the reader's own words.
        }
        catch (InvalidOperationException)
        {
            // The same for the scanner's unclosed-bracket error.
        }

        return null;
    }
}
