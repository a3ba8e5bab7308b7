using System.CommandLine;
using Scrutineer.Application.Audit;
using Scrutineer.Application.Data;
using Scrutineer.Application.Notifications;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// The strand narratives under <c>scrutineer update</c>: <c>narratives</c> lists a round's, <c>write</c> writes one (the
/// lead's edit), and <c>submit</c>, <c>approve</c> and <c>return</c> take <c>--strand</c> and <c>--period</c> in place of an
/// update's number (<see cref="TargetAsync"/>).
/// </summary>
internal static class UpdateNarrativeCommands
{
    /// <summary>The options that name a strand's narrative instead of an update's number.</summary>
    internal sealed record Target(Argument<int?> Id, Option<string?> Strand, Option<string> Period, Option<string?> Plan)
    {
        public static Target Create(string idDescription) => new(
            new Argument<int?>("ID") { Description = idDescription, Arity = ArgumentArity.ZeroOrOne },
            StrandOption(),
            CliOptions.Period(required: false, "With --strand: the quarter of the narrative, such as 'Q2 2023/24'."),
            CliOptions.Plan());

        public void AddTo(Command command)
        {
            command.Arguments.Add(Id);
            command.Options.Add(Strand);
            command.Options.Add(Period);
            command.Options.Add(Plan);
        }
    }

    public static Command List(CliContext context)
    {
        var period = CliOptions.Period(required: true);
        var plan = CliOptions.Plan();
        var format = Listing.FormatOption();
        var list = new Command("narratives", "List a round's strand narratives (each strategy strand's narrative for the quarter, written by its lead).") { period, plan, format };
        list.SetAction(async (parse, ct) =>
        {
            var quarter = CliOptions.ParsePeriod(parse.GetValue(period)!);
            await using var db = await context.OpenStoreAsync(parse, ct);
            var round = await ReportingRounds.FindAsync(db, quarter, parse.GetValue(plan), ct);
            var listing = new Listing("id", "strand", "state", "status", "classification", "author", "updated", "words");
            foreach (var n in await StrandNarratives.ListAsync(db, round, ct))
            {
                listing.Add(n.Id, n.Strand.Title, CliOptions.Kebab(n.State.ToString()), CliOptions.Kebab(n.Status),
                    n.Classification.Marking(), n.Author, n.UpdatedAt.ToString("yyyy-MM-dd HH:mm", EnGb.Culture), n.Commentary.WordCount);
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        return list;
    }

    public static Command Write(CliContext context)
    {
        var strand = StrandOption();
        strand.Required = true;
        var period = CliOptions.Period(required: true);
        var plan = CliOptions.Plan();
        var file = new Option<string>("--file") { Description = "A text file holding the narrative's OFFICIAL part (paragraphs, '- ' bullets).", Required = true };
        var sensitiveFile = new Option<string?>("--sensitive-file") { Description = "A text file holding its OFFICIAL-SENSITIVE part (default: keep the part already written)." };
        var status = new Option<string>("--status") { Description = "The strand's delivery status: on-track (default), at-risk, complete or not-started.", DefaultValueFactory = _ => "on-track" };
        var submit = new Option<bool>("--submit") { Description = "Submit the narrative for review too." };
        var write = new Command("write", "Write a strategy strand's narrative for a quarter (its lead's text), as a draft or submitted for review.")
        {
            strand, period, plan, file, sensitiveFile, status, submit,
        };
        write.SetAction(async (parse, ct) =>
        {
            var quarter = CliOptions.ParsePeriod(parse.GetValue(period)!);
            var deliveryStatus = CliOptions.ParseEnum<DeliveryStatus>(parse.GetValue(status)!, "--status");
            var official = await ReadAsync(parse.GetValue(file)!, "--file", ct);
            var sensitive = parse.GetValue(sensitiveFile) is { } path ? Commentary.Parse(await ReadAsync(path, "--sensitive-file", ct)) : null;
            await using var db = await context.OpenStoreAsync(parse, ct);
            var round = await ReportingRounds.FindAsync(db, quarter, parse.GetValue(plan), ct);
            var found = await StrandNarratives.FindStrandAsync(db, parse.GetValue(strand)!, quarter, cancellationToken: ct);
            var now = context.Clock.GetUtcNow();
            var narrative = await StrandNarratives.WriteAsync(db, round, found, Commentary.Parse(official), sensitive, deliveryStatus, AuditContext.Actor, now, ct);
            if (parse.GetValue(submit))
            {
                narrative.Submit(narrative.Round, AuditContext.Actor, now);
                await HandOffNotices.SubmittedAsync(db, narrative, AuditContext.Actor, NotifySettings.FromEnvironment(), now, ct);
            }

            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync($"{(parse.GetValue(submit) ? "Submitted" : "Saved")} narrative {narrative.Id} for {found.Title}, {quarter}: "
                + $"{narrative.Commentary.WordCount} words, {narrative.Classification.Marking()}.");
            return 0;
        });
        return write;
    }

    public static Command Submit(CliContext context)
    {
        var target = Target.Create("The update's number, as 'update list' shows it (or --strand and --period for a strand's narrative).");
        var submit = new Command("submit", "Submit a draft or returned update, or a strand's narrative, for review (in an open round).");
        target.AddTo(submit);
        submit.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var (update, name) = await TargetAsync(parse, db, target, ct);
            update.Submit(update.Round, AuditContext.Actor, context.Clock.GetUtcNow());
            await HandOffNotices.SubmittedAsync(db, update, AuditContext.Actor, NotifySettings.FromEnvironment(), context.Clock.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync($"Submitted {name} for review.");
            return 0;
        });
        return submit;
    }

    /// <summary>The update named by its number, or the strand's narrative named by <c>--strand</c> and <c>--period</c>, and how to name it in a message.</summary>
    public static Command Withdraw(CliContext context)
    {
        var target = Target.Create("The update's number, as 'update list' shows it (or --strand and --period for a strand's narrative).");
        var withdraw = new Command("withdraw", "Take back a submitted update or strand narrative before anyone reviews it: it becomes a draft again.");
        target.AddTo(withdraw);
        withdraw.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var (update, name) = await TargetAsync(parse, db, target, ct);
            update.Withdraw(update.Round, AuditContext.Actor, context.Clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync($"Withdrew {name}: it is a draft again.");
            return 0;
        });
        return withdraw;
    }

    public static Command Correct(CliContext context)
    {
        var target = Target.Create("The update's number, as 'update list' shows it (or --strand and --period for a strand's narrative).");
        var file = new Option<string?>("--file") { Description = "A text file holding the corrected OFFICIAL part (default: keep it as it is)." };
        var sensitiveFile = new Option<string?>("--sensitive-file") { Description = "A text file holding the corrected OFFICIAL-SENSITIVE part (default: keep it as it is)." };
        var status = new Option<string?>("--status") { Description = "The corrected delivery status: on-track, at-risk, complete or not-started (default: keep it)." };
        var reason = new Option<string>("--reason") { Description = "Why it is corrected (OFFICIAL), kept in its history beside the text before and after.", Required = true };
        var correct = new Command("correct", "The performance unit's correction of an update or strand narrative (open or closed round, never a published one): the review state stays; the reason and the text before and after are kept in its history.")
        {
            file, sensitiveFile, status, reason,
        };
        target.AddTo(correct);
        correct.SetAction(async (parse, ct) =>
        {
            var official = parse.GetValue(file) is { } path ? Commentary.Parse(await ReadAsync(path, "--file", ct)) : null;
            var sensitive = parse.GetValue(sensitiveFile) is { } sensitivePath ? Commentary.Parse(await ReadAsync(sensitivePath, "--sensitive-file", ct)) : null;
            DeliveryStatus? deliveryStatus = parse.GetValue(status) is { } s ? CliOptions.ParseEnum<DeliveryStatus>(s, "--status") : null;
            await using var db = await context.OpenStoreAsync(parse, ct);
            var (update, name) = await TargetAsync(parse, db, target, ct);
            update.Correct(update.Round, official ?? update.Commentary, deliveryStatus ?? update.Status, AuditContext.Actor, context.Clock.GetUtcNow(),
                parse.GetValue(reason)!, sensitive ?? update.SensitiveCommentary);
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync($"Corrected {name}; the reason and the text before and after are in its history.");
            return 0;
        });
        return correct;
    }

    public static async Task<(ReviewedUpdate Update, string Name)> TargetAsync(ParseResult parse, ScrutineerDb db, Target target, CancellationToken ct)
    {
        var strand = parse.GetValue(target.Strand);
        var id = parse.GetValue(target.Id);
        if (strand is null)
        {
            if (id is not { } number)
            {
                throw new CliException("Give the update's number ('update list'), or --strand and --period for a strand's narrative ('update narratives').");
            }

            var u = await UpdateQueries.GetAsync(db, number, ct);
            return (u, $"update {u.Id} ({u.Commitment.Reference}, {u.Unit.ShortName}, {u.Round.Period})");
        }

        if (id is not null)
        {
            throw new CliException("Give either the update's number or --strand, not both.");
        }

        if (parse.GetValue(target.Period) is not { } period)
        {
            throw new CliException("--strand needs --period: the quarter of the narrative, such as 'Q2 2023/24'.");
        }

        var quarter = CliOptions.ParsePeriod(period);
        var round = await ReportingRounds.FindAsync(db, quarter, parse.GetValue(target.Plan), ct);
        var found = await StrandNarratives.FindStrandAsync(db, strand, quarter, cancellationToken: ct);
        var n = await StrandNarratives.GetAsync(db, round, found, ct);
        return (n, $"narrative {n.Id} ({found.Title}, {quarter})");
    }

    private static Option<string?> StrandOption() =>
        new("--strand") { Description = "A crime prevention strategy strand, by title or alias (e.g. \"Domestic Abuse\"): its narrative for the quarter." };

    private static async Task<string> ReadAsync(string path, string option, CancellationToken ct) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : throw new CliException($"{option}: no file {Path.GetFullPath(path)}. Give the path of a text file.");
}
