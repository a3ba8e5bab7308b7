using Microsoft.EntityFrameworkCore;
using Scrutineer.Application.Data;
using Scrutineer.Domain.Accounts;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Plans;

namespace Scrutineer.Application.Demo;

/// <summary>
/// A demo sign-in for every role, scoped to the demo plan's units and priorities. All share <see cref="Password"/>.
/// The hashes are ASP.NET Core Identity (v3, PBKDF2) hashes of that password, made once, so that the demo needs no
/// hasher here; the web tests check that each one verifies.
/// </summary>
public static class DemoAccounts
{
    /// <summary>The demo password of every demo account.</summary>
    public const string Password = "scrutineer-demo";

    /// <summary>The demo accounts: user name, full name, role, what the scope is, and the password hash.</summary>
    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin", "Alex Morgan", Role.Administrator, "everything, plus users, units and plans", [], [],
            "AQAAAAIAAYagAAAAELOG7xsGT4e3GMI9mNhKz6JsAdQdtQI7DXClcmWzW07i0EdhfOeYTpy7aDnPKiXOlw=="),
        new("analyst", "Chris Ashworth", Role.Analyst, "rounds, corrections, reports and data (Performance Analysis Unit)", [], [],
            "AQAAAAIAAYagAAAAEIzndmzrxieegRUwT6waYnkpo89ZMArvfPgl8CiPeyOUWcatVcmAYEYJ0IdFe4GQOg=="),
        new("contributor.north", "Rita Hale", Role.Contributor, "North Local Policing Area's updates", ["North LPA"], [],
            "AQAAAAIAAYagAAAAEHrt5Z6PNqcc8FNZlAsBEG1WViPeV4p48afLWcj68g9/muG1W32qu8Yf1/Se0wpjmA=="),
        new("contributor.scd", "Sam Okafor", Role.Contributor, "Serious Crime Directorate and Serious Violence Unit updates", ["SCD", "SVU"], [],
            "AQAAAAIAAYagAAAAEEfr4opSstEUriko2N5G5pIiLv3DXSooNu6tQiCTnoRxpGbmnPMmcqTwhc/krTL5Mw=="),
        new("reviewer", "Dana Mensah", Role.Reviewer, "reviews priorities 1 to 6", [], [1, 2, 3, 4, 5, 6],
            "AQAAAAIAAYagAAAAEBouiOo0XhXIMo8MQJwuI0PzW67OK09G2DboXMH0gD/SiRMyvpAmVrvmKs78R92mlw=="),
        new("reviewer.roads", "Jo Whitfield", Role.Reviewer, "reviews priorities 7 to 12", [], [7, 8, 9, 10, 11, 12],
            "AQAAAAIAAYagAAAAECDBv7Ov+FwLjZ6Oep3rtH5G/vL60Evx6JC4r5uWpF77LTlh4HAqT5J0n6yDf4xuBA=="),
        new("lead.strand", "Omar Patel", Role.Contributor, "leads the Domestic Abuse and Sexual Crime, Child Abuse and Exploitation strands: writes their narratives", [], [],
            "AQAAAAIAAYagAAAAEHrt5Z6PNqcc8FNZlAsBEG1WViPeV4p48afLWcj68g9/muG1W32qu8Yf1/Se0wpjmA==")
        {
            Strands = ["Domestic Abuse", "Sexual Crime, Child Abuse and Exploitation"],
        },
        new("reviewer.strategy", "Ruth Kerr", Role.Reviewer, "reviews the crime prevention strategy strands' narratives", [], [],
            "AQAAAAIAAYagAAAAEBouiOo0XhXIMo8MQJwuI0PzW67OK09G2DboXMH0gD/SiRMyvpAmVrvmKs78R92mlw==")
        {
            Strands = [.. DemoStrategy.StrandTitles],
        },
        new("viewer", "Pat Quinn", Role.Viewer, "reads the plan, approved updates and reports (Commissioner's office)", [], [],
            "AQAAAAIAAYagAAAAEBMcRt8skeOrh6FcP/vaCVpdd6ffobmMpu+ZsfoFH2iTm4hml2uAlCCzqx4qImAzjw=="),
    ];

    /// <summary>Adds the demo accounts, scoped to <paramref name="plan"/>'s units (by short name) and priorities (by number), and the strategy's strands (by title).</summary>
    /// <exception cref="DomainException">A unit, priority or strand the demo accounts name is missing.</exception>
    public static async Task AddAsync(ScrutineerDb db, Plan plan, DemoSettings settings, CancellationToken cancellationToken)
    {
        var units = await db.Units.ToDictionaryAsync(u => u.ShortName, u => u.Id, StringComparer.Ordinal, cancellationToken);
        var priorities = plan.Priorities.ToDictionary(p => p.Number, p => p.Id);
        var strands = await db.Strands.Where(s => s.Strategy.Title == DemoStrategy.Title).ToDictionaryAsync(s => s.Title, s => s.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var demo in All)
        {
            var scopes = demo.Units.Select(u => new AccountScope(ScopeKind.Unit, units.TryGetValue(u, out var id) ? id : throw new DomainException($"Demo account {demo.UserName}: no unit '{u}'.")))
                .Concat(demo.Priorities.Select(n => new AccountScope(ScopeKind.Priority, priorities.TryGetValue(n, out var id) ? id : throw new DomainException($"Demo account {demo.UserName}: no priority {n}."))))
                .Concat(demo.Strands.Select(t => new AccountScope(ScopeKind.Strand, strands.TryGetValue(t, out var id) ? id : throw new DomainException($"Demo account {demo.UserName}: no strand '{t}'."))));
            var account = new UserAccount(demo.UserName, demo.DisplayName, demo.Role, demo.PasswordHash, settings.Today, scopes);
            account.ChangeEmail(demo.Email);
            db.Accounts.Add(account);
        }

        await db.SaveChangesAsync(cancellationToken);
        settings.Progress($"Accounts: {All.Count} demo sign-ins, one or more for every role (password '{Password}')");
    }
}

/// <summary>One demo sign-in.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, Role Role, string Scope, IReadOnlyList<string> Units, IReadOnlyList<int> Priorities, string PasswordHash)
{
    /// <summary>The crime prevention strategy strands in scope, by title: a contributor leads them, a reviewer reviews their narratives.</summary>
    public IReadOnlyList<string> Strands { get; init; } = [];

    /// <summary>An invented address for the demo's notices (the reserved .example domain: nothing leaves for real).</summary>
    public string Email => string.Join('.', DisplayName.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "@demo-force.example";
}
