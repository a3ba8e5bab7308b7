using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Scrutineer.Application.Demo;
using Scrutineer.Web.Hosting;

namespace Scrutineer.Cli.Commands;

/// <summary><c>scrutineer serve</c>: runs the web application on the store named by --db (see docs/web.md).</summary>
internal static class ServeCommands
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static IEnumerable<Command> Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen (default {DefaultUrls}, this machine only). Use http://0.0.0.0:PORT to listen on every interface.",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var demo = new Option<bool>("--demo") { Description = "Build the demo force into the store first (when it is empty) and print the demo sign-ins." };
        var serve = new Command("serve", "Run the web application: sign in, write and review quarterly updates, run rounds, read the plan.")
        {
            urls, demo,
        };
        serve.SetAction(async (parse, ct) =>
        {
            var location = CliContext.Location(parse);
            await using (var db = await context.OpenStoreAsync(parse, ct, create: true))
            {
                if (parse.GetValue(demo) && !await DemoForce.BuiltThisStoreAsync(db, ct))
                {
                    await context.Out.WriteLineAsync($"Building the demo force in {location.Description} ...");
                    await DemoForce.BuildAsync(db, new DemoSettings(DemoSettings.DemoToday, null, line => context.Out.WriteLine("  " + line)), ct);
                }
            }

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(ScrutineerWeb).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
                EnvironmentName = Environments.Production,
            });
            builder.Configuration[ScrutineerWeb.DbSetting] = location.ConnectionString;
            builder.WebHost.UseUrls(parse.GetValue(urls)!);
            builder.AddScrutineer();
            var app = builder.Build();
            app.UseScrutineer();
            await app.PrepareStoreAsync(ct);
            await app.StartAsync(ct);

            await context.Out.WriteLineAsync($"Scrutineer is running on {location.Description}.");
            await context.Out.WriteLineAsync($"Open {string.Join(" or ", app.Urls)} in a browser. Press Ctrl+C to stop.");
            if (parse.GetValue(demo))
            {
                await context.Out.WriteLineAsync($"Demo sign-ins (password for all: {DemoAccounts.Password}):");
                foreach (var account in DemoAccounts.All)
                {
                    await context.Out.WriteLineAsync($"  {account.UserName,-18} {account.Role.ToString().ToLowerInvariant(),-14} {account.DisplayName}: {account.Scope}");
                }
            }

            await context.Out.FlushAsync(ct);
            await app.WaitForShutdownAsync(ct);
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            return 0;
        });
        yield return serve;
    }
}
