using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;

namespace Scrutineer.Domain.Tests.Accounts;

public sealed class GroupMappingTests
{
    private static readonly GroupMapping[] Mappings =
    [
        new("g-north", Role.Contributor, new AccountScope(ScopeKind.Unit, 1)),
        new("g-scd", Role.Contributor, new AccountScope(ScopeKind.Unit, 2)),
        new("g-roads", Role.Reviewer, new AccountScope(ScopeKind.Priority, 7)),
        new("g-vawg", Role.Reviewer, new AccountScope(ScopeKind.Strand, 3)),
        new("g-pau", Role.Analyst, null),
        new("g-opcc", Role.Viewer, null),
    ];

    [Theory]
    [InlineData("g-north", "Contributor", "Unit:1")]
    [InlineData("g-north,g-scd", "Contributor", "Unit:1 Unit:2")]
    [InlineData("g-north,g-roads,g-vawg", "Reviewer", "Priority:7 Strand:3")]
    [InlineData("g-opcc,g-north", "Contributor", "Unit:1")]
    [InlineData("g-opcc,g-pau,g-roads", "Analyst", "")]
    [InlineData("g-opcc", "Viewer", "")]
    public void Place_Groups_StrongestRoleWithItsScopes(string groups, string role, string scopes)
    {
        var placed = GroupMapping.Place(Mappings, groups.Split(','));

        Assert.NotNull(placed);
        Assert.Equal(role, placed.Value.Role.ToString());
        Assert.Equal(scopes, string.Join(' ', placed.Value.Scopes.Select(s => $"{s.Kind}:{s.TargetId}")));
    }

    [Fact]
    public void Place_NoMappedGroup_Null()
    {
        Assert.Null(GroupMapping.Place(Mappings, ["G-NORTH", "g-other"]));
        Assert.Null(GroupMapping.Place(Mappings, []));
    }

    [Theory]
    [InlineData("", "Viewer", null, 0, "Enter the group as your identity provider sends it (1 to 200 characters; for Entra ID, the group's object ID).")]
    [InlineData("g", "Contributor", null, 0, "A group mapped to contributors needs a unit.")]
    [InlineData("g", "Contributor", "Priority", 1, "A group mapped to contributors needs a unit.")]
    [InlineData("g", "Reviewer", "Unit", 1, "A group mapped to reviewers needs a priority or strand.")]
    [InlineData("g", "Analyst", "Unit", 1, "The analyst role sees everything: its group mapping takes no unit, priority or strand.")]
    [InlineData("g", "Contributor", "Unit", 0, "A scope must name an existing unit, priority or strand.")]
    public void New_ScopeThatDoesNotSuitTheRole_RefusedWithTheReason(string group, string role, string? kind, int target, string message)
    {
        var scope = kind is null ? null : new AccountScope(Enum.Parse<ScopeKind>(kind), target);

        var refused = Assert.Throws<DomainException>(() => new GroupMapping(group, Enum.Parse<Role>(role), scope));

        Assert.Equal(message, refused.Message);
    }
}
