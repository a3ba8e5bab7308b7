using System.CommandLine;
using System.Text;
using System.Text.Json;
using Scrutineer.Application.Audit;
using Scrutineer.Application.QuarterlyUpdates;
using Scrutineer.Application.Security;
using Scrutineer.Cli.Output;
using Scrutineer.Domain.Common;
using Scrutineer.Domain.Documents;
using Scrutineer.Domain.QuarterlyUpdates;

namespace Scrutineer.Cli.Commands;

/// <summary>
/// <c>scrutineer update list|show|import|narratives|write|submit|approve|return</c>: reading quarterly updates, writing
/// them from a file, writing strand narratives (<see cref="UpdateNarrativeCommands"/>), submitting and reviewing both. The command line reads as an operator (<see cref="Reader.Operator"/>): OFFICIAL-SENSITIVE parts too.
/// </summary>
internal static class UpdateCommands
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        var update = new Command("update", "List, read, import and review the quarterly updates units write, and the strand narratives strategy leads write.");

        var period = CliOptions.Period(required: true);
        var plan = CliOptions.Plan();
        var unit = new Option<string?>("--unit") { Description = "Only this unit's updates (short name, e.g. SCD)." };
        var state = new Option<string?>("--state") { Description = "Only updates in this state: draft, submitted, approved or returned." };
        var commitment = new Option<string?>("--commitment") { Description = "Only updates on this commitment, by reference (e.g. 3.2: priority 3, commitment 2)." };
        var format = Listing.FormatOption();
        var list = new Command("list", "List a round's updates.") { period, plan, unit, commitment, state, format };
        list.SetAction(async (parse, ct) =>
        {
            var quarter = CliOptions.ParsePeriod(parse.GetValue(period)!);
            UpdateState? wanted = parse.GetValue(state) is { } s ? CliOptions.ParseEnum<UpdateState>(s, "--state") : null;
            await using var db = await context.OpenStoreAsync(parse, ct);
            var round = await ReportingRounds.FindAsync(db, quarter, parse.GetValue(plan), ct);
            var listing = new Listing("id", "commitment", "unit", "state", "status", "classification", "author", "updated", "words");
            foreach (var u in await UpdateQueries.ListAsync(db, round, parse.GetValue(unit), wanted, parse.GetValue(commitment), ct))
            {
                listing.Add(u.Id, u.Commitment.Reference, u.Unit.ShortName, CliOptions.Kebab(u.State.ToString()), CliOptions.Kebab(u.Status),
                    u.Classification.Marking(), u.Author, u.UpdatedAt.ToString("yyyy-MM-dd HH:mm", EnGb.Culture), u.Commentary.WordCount);
            }

            listing.Write(context.Out, parse.GetValue(format));
            return 0;
        });
        update.Subcommands.Add(list);

        update.Subcommands.Add(Show(context));
        update.Subcommands.Add(Import(context));
        update.Subcommands.Add(UpdateNarrativeCommands.List(context));
        update.Subcommands.Add(UpdateNarrativeCommands.Write(context));
        update.Subcommands.Add(UpdateNarrativeCommands.Submit(context));
        update.Subcommands.Add(UpdateNarrativeCommands.Withdraw(context));
        update.Subcommands.Add(UpdateNarrativeCommands.Correct(context));
        update.Subcommands.Add(Review(context, "approve", "Approve a submitted update or strand narrative (in an open round), with an optional comment.", commentRequired: false));
        update.Subcommands.Add(Review(context, "return", "Return a submitted update to its unit, or a strand narrative to its lead (in an open round), saying what needs to change.", commentRequired: true));
        yield return update;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<int>("ID") { Description = "The update's number, as 'update list' shows it." };
        var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        var show = new Command("show", "Show one update: commentary (its OFFICIAL-SENSITIVE part under its own heading), status, review and its full history.") { id, format };
        show.SetAction(async (parse, ct) =>
        {
            var wanted = parse.GetValue(format)?.Trim().ToLowerInvariant();
            if (wanted is not ("text" or "table" or "json"))
            {
                throw new CliException($"--format: '{parse.GetValue(format)}' is not one of: text, json.");
            }

            await using var db = await context.OpenStoreAsync(parse, ct);
            var u = await UpdateQueries.GetAsync(db, parse.GetValue(id), ct);
            var sensitive = NeedToKnow.CanReadSensitive(Reader.Operator, u.UnitId, u.Commitment.PriorityId, u.State);
            var w = context.Out;
            if (wanted == "json")
            {
                await w.WriteLineAsync(Json(u, sensitive));
                return 0;
            }

            await w.WriteLineAsync($"Update {u.Id}: {u.Round.Period}, commitment {u.Commitment.Reference}, {u.Unit.DisplayName}");
            await w.WriteLineAsync($"Classification: {u.Classification.Marking()}");
            await w.WriteLineAsync($"We will: {u.Commitment.Text}");
            await w.WriteLineAsync($"State: {CliOptions.Words(u.State)}; delivery status: {CliOptions.Words(u.Status)}; by {u.Author}, last changed {u.UpdatedAt.ToString("d MMMM yyyy HH:mm", EnGb.Culture)}");
            if (u.Reviewer is not null)
            {
                await w.WriteLineAsync($"Reviewed by {u.Reviewer} on {u.ReviewedAt?.ToString("d MMMM yyyy HH:mm", EnGb.Culture)}{(u.ReviewerComment is null ? "" : ": " + u.ReviewerComment)}");
            }

            await w.WriteLineAsync();
            await w.WriteLineAsync(u.Commentary.IsEmpty ? "(no commentary yet)" : u.Commentary.ToString());
            if (sensitive && (!u.SensitiveCommentary.IsEmpty || u.SensitiveReviewerComment is not null))
            {
                await w.WriteLineAsync();
                await w.WriteLineAsync("OFFICIAL-SENSITIVE");
                await w.WriteLineAsync("------------------");
                if (!u.SensitiveCommentary.IsEmpty)
                {
                    await w.WriteLineAsync(u.SensitiveCommentary.ToString());
                }

                if (u.SensitiveReviewerComment is not null)
                {
                    await w.WriteLineAsync($"Reviewer's comment: {u.SensitiveReviewerComment}");
                }

                await w.WriteLineAsync("------------------");
            }

            await w.WriteLineAsync();
            await w.WriteLineAsync("History:");
            var history = u.History;
            foreach (var h in history)
            {
                await w.WriteLineAsync($"  {h.At.ToString("yyyy-MM-dd HH:mm", EnGb.Culture)}  {CliOptions.Words(h.Action),-9}  {h.Actor}{(h.Comment is null ? "" : " — " + h.Comment)}");
                if (h.Action == UpdateAction.Corrected && h.Sequence > 1)
                {
                    var before = history[h.Sequence - 2];
                    if (before.Status != h.Status)
                    {
                        await w.WriteLineAsync($"      status: {CliOptions.Words(before.Status)} → {CliOptions.Words(h.Status)}");
                    }

                    if (!string.Equals(before.Commentary, h.Commentary, StringComparison.Ordinal))
                    {
                        await w.WriteLineAsync($"      before: {before.Commentary.ReplaceLineEndings(" ")}");
                        await w.WriteLineAsync($"      after:  {h.Commentary.ReplaceLineEndings(" ")}");
                    }

                    if (!string.Equals(before.SensitiveCommentary, h.SensitiveCommentary, StringComparison.Ordinal))
                    {
                        await w.WriteLineAsync(sensitive ? "      OFFICIAL-SENSITIVE part changed (see above for the text now)" : "      OFFICIAL-SENSITIVE part changed");
                    }
                }
            }

            return 0;
        });
        return show;
    }

    private static string Json(QuarterlyUpdate u, bool sensitive)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("id", u.Id);
            json.WriteString("commitment", u.Commitment.Reference);
            json.WriteString("unit", u.Unit.ShortName);
            json.WriteString("period", u.Round.Period.Code);
            json.WriteString("state", CliOptions.Kebab(u.State.ToString()));
            if (u.Status is { } deliveryStatus)
            {
                json.WriteString("status", CliOptions.Kebab(deliveryStatus.ToString()));
            }
            else
            {
                json.WriteNull("status");
            }
            json.WriteString("classification", u.Classification.Marking());
            json.WriteString("author", u.Author);
            json.WriteString("updated", u.UpdatedAt.ToString("O", EnGb.Culture));
            json.WriteString("commentary", u.CommentaryText);
            json.WriteString("sensitive_commentary", sensitive ? u.SensitiveCommentaryText : null);
            json.WriteString("reviewer", u.Reviewer);
            json.WriteString("reviewer_comment", u.ReviewerComment);
            json.WriteString("sensitive_reviewer_comment", sensitive ? u.SensitiveReviewerComment : null);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file or Excel workbook (.xlsx) with the header commitment,unit,status,commentary,sensitive_commentary (the last optional)." };
        var period = CliOptions.Period(required: true);
        var plan = CliOptions.Plan();
        var submit = new Option<bool>("--submit") { Description = "Submit each imported update for review too." };
        var import = new Command("import", "Write a round's updates from a file, one row per commitment and unit. All or nothing: any bad row is reported with its line, and nothing is written.")
        {
            file, period, plan, submit,
        };
        import.SetAction(async (parse, ct) =>
        {
            var quarter = CliOptions.ParsePeriod(parse.GetValue(period)!);
            var path = parse.GetValue(file)!;
            await using var db = await context.OpenStoreAsync(parse, ct);
            var now = context.Clock.GetUtcNow();
            var notify = Application.Notifications.NotifySettings.FromEnvironment();
            var written = await UpdateImport.RunAsync(db, path, quarter, parse.GetValue(submit), AuditContext.Actor, now, parse.GetValue(plan),
                update => Application.Notifications.HandOffNotices.SubmittedAsync(db, update, AuditContext.Actor, notify, now, ct), ct);
            var sensitive = written.Count(u => u.Classification == Classification.OfficialSensitive);
            await context.Out.WriteLineAsync($"Imported {written.Count} update{(written.Count == 1 ? "" : "s")} from {Path.GetFileName(path)} into the {quarter} round"
                + $"{(parse.GetValue(submit) ? ", each submitted for review" : ", as drafts or as they were")}; {sensitive} with an OFFICIAL-SENSITIVE part.");
            return 0;
        });
        return import;
    }

    private static Command Review(CliContext context, string name, string description, bool commentRequired)
    {
        var target = UpdateNarrativeCommands.Target.Create("The update's number, as 'update list' shows it (or --strand and --period for a strand's narrative).");
        var comment = new Option<string?>("--comment")
        {
            Description = commentRequired ? "What needs to change (OFFICIAL)." : "A comment for the unit or lead (OFFICIAL).",
        };
        var sensitiveComment = new Option<string?>("--sensitive-comment") { Description = "The OFFICIAL-SENSITIVE part of the comment, read only by those cleared for it." };
        var command = new Command(name, description) { comment, sensitiveComment };
        target.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await context.OpenStoreAsync(parse, ct);
            var (u, what) = await UpdateNarrativeCommands.TargetAsync(parse, db, target, ct);
            var now = context.Clock.GetUtcNow();
            if (commentRequired)
            {
                u.Return(u.Round, AuditContext.Actor, parse.GetValue(comment) ?? "", now, parse.GetValue(sensitiveComment));
            }
            else
            {
                u.Approve(u.Round, AuditContext.Actor, parse.GetValue(comment), now, parse.GetValue(sensitiveComment));
            }

            await Application.Notifications.HandOffNotices.ReviewedAsync(db, u, AuditContext.Actor, Application.Notifications.NotifySettings.FromEnvironment(), now, ct);
            await db.SaveChangesAsync(ct);
            await context.Out.WriteLineAsync($"{(commentRequired ? "Returned" : "Approved")} {what}.");
            return 0;
        });
        return command;
    }
}
