using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Plans;

/// <summary>The names unit kinds go by in files and on the command line: force, command, local_policing_area, …</summary>
public static class UnitKindNames
{
    private static readonly Dictionary<UnitKind, string> Names = new()
    {
        [UnitKind.Force] = "force",
        [UnitKind.Command] = "command",
        [UnitKind.LocalPolicingArea] = "local_policing_area",
        [UnitKind.District] = "district",
        [UnitKind.Team] = "team",
        [UnitKind.Partner] = "partner",
    };

    public static string Name(UnitKind kind) => Names[kind];

    public static bool TryParse(string text, out UnitKind kind)
    {
        var normalised = text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        foreach (var (k, name) in Names)
        {
            if (name == normalised || (normalised == "lpa" && k == UnitKind.LocalPolicingArea))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Expected => string.Join(", ", Names.Values);
}
