using Scrutineer.Domain.Documents;
using Scrutineer.Domain.Performance;
using Scrutineer.Domain.Periods;
using Scrutineer.Domain.Plans;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Scrutineer.Domain.Statistics;

namespace Scrutineer.Application.Plans;

/// <summary>
/// Reads a plan file (YAML). Every problem is collected with its line and field; if there are any, the whole file is
/// refused with <see cref="PlanFileException"/>. Unknown keys are refused too, so a misspelt field is not silently lost.
/// </summary>
public sealed class PlanFileReader
{
    private readonly string file;
    private readonly List<PlanFileError> errors = [];

    private PlanFileReader(string file) => this.file = file;

    /// <summary>Reads the plan file at <paramref name="path"/>.</summary>
    /// <exception cref="PlanFileException">The file is not a valid plan file; every problem is listed.</exception>
    public static PlanFile Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a plan file from <paramref name="text"/>, naming it <paramref name="fileName"/> in errors.</summary>
    /// <exception cref="PlanFileException">The text is not a valid plan file; every problem is listed.</exception>
    public static PlanFile Read(TextReader text, string fileName)
    {
        var reader = new PlanFileReader(fileName);
        var plan = reader.Parse(text);
        if (reader.errors.Count > 0 || plan is null)
        {
            throw new PlanFileException(reader.errors);
        }

        return plan;
    }

    private PlanFile? Parse(TextReader reader)
    {
        var (text, tooLong) = PlanFileLimits.ReadText(reader, file);
        if ((tooLong ?? PlanFileLimits.Check(text!, file)) is { } broken)
        {
            errors.Add(broken);
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text!));
        }
        catch (YamlException ex)
        {
            errors.Add(new PlanFileError(file, (int)ex.Start.Line, "(file)", "not valid YAML: " + ex.Message.Split(':').Last().Trim()));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) on a '[' or '{' left open over a line break, and on
            // some control characters and damaged encodings.
            errors.Add(UnclosedBracketLine(text!) is { } line
                ? new PlanFileError(file, line, "(file)", "not valid YAML: a '[' or '{' on this line is not closed; a list such as who: [C&PP, SCD] must end with ']' on the same line.")
                : new PlanFileError(file, 0, "(file)", "not valid YAML: it holds control characters or bytes of another encoding (save it as UTF-8 text)."));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new PlanFileError(file, 0, "(file)", "expected a plan file with the sections 'plan', 'units' and 'priorities'."));
            return null;
        }

        Known(root, "", "plan", "units", "priorities");
        var planNode = Mapping(root, "plan", "plan", required: true);
        var title = Text(planNode, "title", "plan.title", required: true);
        var first = Year(planNode, "first_year", "plan.first_year", required: true);
        var last = Year(planNode, "last_year", "plan.last_year", required: true);
        var extendedTo = Year(planNode, "extended_to", "plan.extended_to", required: false);
        var reason = Text(planNode, "extension_reason", "plan.extension_reason", required: false);
        if (planNode is not null)
        {
            Known(planNode, "plan.", "title", "first_year", "last_year", "extended_to", "extension_reason", "document");
        }

        if (first is { } f && last is { } l && l < f)
        {
            errors.Add(new PlanFileError(file, Line(planNode), "plan.last_year", $"the plan ends ({l}) before it starts ({f})."));
        }

        if (extendedTo is { } e && last is { } l2 && e <= l2)
        {
            errors.Add(new PlanFileError(file, Line(planNode), "plan.extended_to", $"an extension must end after last_year ({l2}); {e} does not."));
        }

        var document = Document(planNode is null ? null : Mapping(planNode, "document", "plan.document", required: false));
        var units = Units(Sequence(root, "units", "units", required: true));
        var priorities = Priorities(Sequence(root, "priorities", "priorities", required: true), units);

        return title is null || first is null || last is null
            ? null
            : new PlanFile(title, first.Value, last.Value, extendedTo, reason, document, units, priorities);
    }

    /// <summary>The first line (1-based) that opens more '[' or '{' than it closes, outside quotes and comments; null when none does.</summary>
    private static int? UnclosedBracketLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var depth = 0;
            var quote = '\0';
            var previous = ' ';
            foreach (var c in lines[i])
            {
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '#' && char.IsWhiteSpace(previous))
                {
                    break;
                }
                else if (c is '[' or '{')
                {
                    depth++;
                }
                else if (c is ']' or '}')
                {
                    depth--;
                }

                previous = c;
            }

            if (depth > 0)
            {
                return i + 1;
            }
        }

        return null;
    }

    private DocumentMetadata Document(YamlMappingNode? node)
    {
        if (node is null)
        {
            return DocumentMetadata.Default;
        }

        Known(node, "plan.document.", "version", "author_unit", "author", "owner", "classification");
        var classification = Classification.Official;
        var marking = Text(node, "classification", "plan.document.classification", required: false);
        if (marking is not null && !ClassificationMarking.TryParse(marking, out classification))
        {
            errors.Add(new PlanFileError(file, Line(node, "classification"), "plan.document.classification",
                $"'{marking}' is not a classification: expected OFFICIAL or OFFICIAL-SENSITIVE."));
        }

        var defaults = DocumentMetadata.Default;
        return new DocumentMetadata(
            Text(node, "version", "plan.document.version", required: false) ?? defaults.Version,
            Text(node, "author_unit", "plan.document.author_unit", required: false) ?? defaults.AuthorUnit,
            Text(node, "author", "plan.document.author", required: false) ?? "",
            Text(node, "owner", "plan.document.owner", required: false) ?? "",
            classification);
    }

    private List<PlanFile.UnitEntry> Units(YamlSequenceNode? node)
    {
        var units = new List<PlanFile.UnitEntry>();
        if (node is null)
        {
            return units;
        }

        for (var i = 0; i < node.Children.Count; i++)
        {
            var field = $"units[{i}]";
            if (node.Children[i] is not YamlMappingNode unit)
            {
                errors.Add(new PlanFileError(file, (int)node.Children[i].Start.Line, field, "expected a unit with short, name and kind."));
                continue;
            }

            Known(unit, field + ".", "short", "name", "kind", "parent");
            var shortName = Text(unit, "short", field + ".short", required: true);
            var name = Text(unit, "name", field + ".name", required: true);
            var kindText = Text(unit, "kind", field + ".kind", required: true);
            var parent = Text(unit, "parent", field + ".parent", required: false);
            var kind = UnitKind.Team;
            if (kindText is not null && !UnitKindNames.TryParse(kindText, out kind))
            {
                errors.Add(new PlanFileError(file, Line(unit, "kind"), field + ".kind", $"'{kindText}' is not a unit kind: expected one of {UnitKindNames.Expected}."));
            }

            if (shortName is not null && units.Any(u => string.Equals(u.Short, shortName, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new PlanFileError(file, Line(unit, "short"), field + ".short", $"unit '{shortName}' is listed twice."));
            }

            if (shortName is not null && name is not null)
            {
                units.Add(new PlanFile.UnitEntry(shortName, name, kind, parent, (int)unit.Start.Line));
            }
        }

        foreach (var unit in units.Where(u => u.Parent is not null))
        {
            if (!units.Any(u => string.Equals(u.Short, unit.Parent, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new PlanFileError(file, unit.Line, $"units[{units.IndexOf(unit)}].parent", $"parent '{unit.Parent}' is not one of the units listed."));
            }
        }

        return units;
    }

    private List<PlanFile.PriorityEntry> Priorities(YamlSequenceNode? node, List<PlanFile.UnitEntry> units)
    {
        var priorities = new List<PlanFile.PriorityEntry>();
        if (node is null)
        {
            return priorities;
        }

        for (var i = 0; i < node.Children.Count; i++)
        {
            var field = $"priorities[{i}]";
            if (node.Children[i] is not YamlMappingNode priority)
            {
                errors.Add(new PlanFileError(file, (int)node.Children[i].Start.Line, field, "expected a priority with number, title, objective and commitments."));
                continue;
            }

            Known(priority, field + ".", "number", "title", "objective", "commitments", "measures");
            var number = Number(priority, "number", field + ".number");
            var title = Text(priority, "title", field + ".title", required: true);
            var objective = Text(priority, "objective", field + ".objective", required: false) ?? "";
            if (number is not null && priorities.Any(p => p.Number == number))
            {
                errors.Add(new PlanFileError(file, Line(priority, "number"), field + ".number", $"priority {number} is listed twice."));
            }

            var commitments = Commitments(Sequence(priority, "commitments", field + ".commitments", required: true), field, units);
            if (number is not null && title is not null)
            {
                priorities.Add(new PlanFile.PriorityEntry(number.Value, title, objective, commitments, (int)priority.Start.Line, Measures(priority, field + ".measures")));
            }
        }

        return priorities;
    }

    private List<PlanFile.CommitmentEntry> Commitments(YamlSequenceNode? node, string priorityField, List<PlanFile.UnitEntry> units)
    {
        var commitments = new List<PlanFile.CommitmentEntry>();
        if (node is null)
        {
            return commitments;
        }

        for (var i = 0; i < node.Children.Count; i++)
        {
            var field = $"{priorityField}.commitments[{i}]";
            if (node.Children[i] is not YamlMappingNode commitment)
            {
                errors.Add(new PlanFileError(file, (int)node.Children[i].Start.Line, field, "expected a commitment with we_will and who."));
                continue;
            }

            Known(commitment, field + ".", "we_will", "who", "sub_points", "carries_forward", "measures");
            var text = Text(commitment, "we_will", field + ".we_will", required: true);
            var who = TextList(commitment, "who", field + ".who", required: true);
            var subPoints = TextList(commitment, "sub_points", field + ".sub_points", required: false);
            if (who.Count == 0 && Has(commitment, "who"))
            {
                errors.Add(new PlanFileError(file, Line(commitment, "who"), field + ".who", "name at least one responsible unit."));
            }

            foreach (var unit in who.Where(w => !units.Any(u => string.Equals(u.Short, w, StringComparison.OrdinalIgnoreCase))))
            {
                errors.Add(new PlanFileError(file, Line(commitment, "who"), field + ".who", $"unit '{unit}' is not one of the units listed (use a unit's short name)."));
            }

            foreach (var twice in who.GroupBy(w => w, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                errors.Add(new PlanFileError(file, Line(commitment, "who"), field + ".who", $"unit '{twice.Key}' is named twice."));
            }

            PlanFile.CarryForward? carries = null;
            if (Mapping(commitment, "carries_forward", field + ".carries_forward", required: false) is { } cf)
            {
                Known(cf, field + ".carries_forward.", "plan", "commitment");
                var plan = Text(cf, "plan", field + ".carries_forward.plan", required: true);
                var reference = Text(cf, "commitment", field + ".carries_forward.commitment", required: true);
                if (plan is not null && reference is not null)
                {
                    carries = new PlanFile.CarryForward(plan, reference);
                }
            }

            if (text is not null)
            {
                commitments.Add(new PlanFile.CommitmentEntry(text, who, subPoints, carries, (int)commitment.Start.Line, Measures(commitment, field + ".measures")));
            }
        }

        return commitments;
    }

    /// <summary>
    /// The <c>measures:</c> list of a priority or commitment: each item a measure name, or a section with <c>name</c>,
    /// optional <c>target</c> (a number) and <c>better</c> (lower, higher or neither).
    /// </summary>
    private List<PlanFile.MeasureEntry> Measures(YamlMappingNode owner, string field)
    {
        var measures = new List<PlanFile.MeasureEntry>();
        if (Sequence(owner, "measures", field, required: false) is not { } node)
        {
            return measures;
        }

        for (var i = 0; i < node.Children.Count; i++)
        {
            var itemField = $"{field}[{i}]";
            var line = (int)node.Children[i].Start.Line;
            switch (node.Children[i])
            {
                case YamlScalarNode { Value: { } plain } when !string.IsNullOrWhiteSpace(plain):
                    measures.Add(new PlanFile.MeasureEntry(plain.Trim(), null, null, line));
                    break;
                case YamlMappingNode item:
                    Known(item, itemField + ".", "name", "target", "better");
                    var name = Text(item, "name", itemField + ".name", required: true);
                    decimal? target = null;
                    if (Text(item, "target", itemField + ".target", required: false) is { } targetText)
                    {
                        if (decimal.TryParse(targetText, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var t) && t >= 0)
                        {
                            target = t;
                        }
                        else
                        {
                            errors.Add(new PlanFileError(file, Line(item, "target"), itemField + ".target", $"'{targetText}' is not a target: expected a number such as 120 or 45.5."));
                        }
                    }

                    BetterDirection? better = null;
                    if (Text(item, "better", itemField + ".better", required: false) is { } betterText)
                    {
                        if (Enum.TryParse<BetterDirection>(betterText, ignoreCase: true, out var b) && Enum.IsDefined(b) && !char.IsAsciiDigit(betterText[0]))
                        {
                            better = b;
                        }
                        else
                        {
                            errors.Add(new PlanFileError(file, Line(item, "better"), itemField + ".better", $"'{betterText}' is not a direction: expected lower, higher or neither."));
                        }
                    }

                    if (name is not null)
                    {
                        measures.Add(new PlanFile.MeasureEntry(name, target, better, line));
                    }

                    break;
                default:
                    errors.Add(new PlanFileError(file, line, itemField, "expected a measure name, or a section with name, target and better."));
                    break;
            }
        }

        foreach (var twice in measures.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(new PlanFileError(file, twice.Last().Line, field, $"measure '{twice.Last().Name}' is named twice."));
        }

        return measures;
    }

    private void Known(YamlMappingNode node, string prefix, params string[] keys)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!keys.Contains(key.Value, StringComparer.Ordinal))
            {
                errors.Add(new PlanFileError(file, (int)key.Start.Line, prefix + key.Value, $"unknown field: expected one of {string.Join(", ", keys)}."));
            }
        }
    }

    private static bool Has(YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));

    private static YamlNode? Child(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static int Line(YamlMappingNode? node, string? key = null) =>
        (int)((key is null ? node : Child(node, key) ?? node)?.Start.Line ?? 0);

    private YamlMappingNode? Mapping(YamlMappingNode? node, string key, string field, bool required)
    {
        switch (Child(node, key))
        {
            case YamlMappingNode mapping:
                return mapping;
            case null when !required:
                return null;
            case null:
                errors.Add(new PlanFileError(file, Line(node), field, "missing: this section is required."));
                return null;
            case var other:
                errors.Add(new PlanFileError(file, (int)other.Start.Line, field, "expected a section of named fields."));
                return null;
        }
    }

    private YamlSequenceNode? Sequence(YamlMappingNode? node, string key, string field, bool required)
    {
        switch (Child(node, key))
        {
            case YamlSequenceNode sequence:
                return sequence;
            case null when !required:
                return null;
            case null:
                errors.Add(new PlanFileError(file, Line(node), field, "missing: expected a list."));
                return null;
            case var other:
                errors.Add(new PlanFileError(file, (int)other.Start.Line, field, "expected a list (items starting with '- ')."));
                return null;
        }
    }

    private string? Text(YamlMappingNode? node, string key, string field, bool required)
    {
        switch (Child(node, key))
        {
            case YamlScalarNode { Value: { } value } when !string.IsNullOrWhiteSpace(value):
                return value.Trim();
            case null or YamlScalarNode when !required:
                return null;
            case null or YamlScalarNode:
                errors.Add(new PlanFileError(file, Line(node, key), field, "missing: a value is required."));
                return null;
            case var other:
                errors.Add(new PlanFileError(file, (int)other.Start.Line, field, "expected a single value, not a list or section."));
                return null;
        }
    }

    private List<string> TextList(YamlMappingNode node, string key, string field, bool required)
    {
        switch (Child(node, key))
        {
            case YamlSequenceNode sequence:
                var items = new List<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { } v } && !string.IsNullOrWhiteSpace(v))
                    {
                        items.Add(v.Trim());
                    }
                    else
                    {
                        errors.Add(new PlanFileError(file, (int)item.Start.Line, field, "expected a list of text values."));
                    }
                }

                return items;
            case YamlScalarNode { Value: { } single } when !string.IsNullOrWhiteSpace(single):
                return [single.Trim()];
            case null when !required:
                return [];
            case null:
                errors.Add(new PlanFileError(file, Line(node), field, "missing: a list is required."));
                return [];
            case var other:
                errors.Add(new PlanFileError(file, (int)other.Start.Line, field, "expected a list of text values."));
                return [];
        }
    }

    private int? Number(YamlMappingNode node, string key, string field)
    {
        var text = Text(node, key, field, required: true);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1)
        {
            return n;
        }

        errors.Add(new PlanFileError(file, Line(node, key), field, $"'{text}' is not a priority number: expected a whole number from 1."));
        return null;
    }

    private FinancialYear? Year(YamlMappingNode? node, string key, string field, bool required)
    {
        var text = Text(node, key, field, required);
        if (text is null)
        {
            return null;
        }

        if (FinancialYear.TryParse(text, out var year, out var error))
        {
            return year;
        }

        errors.Add(new PlanFileError(file, Line(node, key), field, error));
        return null;
    }
}
