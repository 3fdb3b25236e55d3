using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Review;
using Switchboard.Core.Routing;
using Switchboard.Core.Storage;

namespace Switchboard.Connectors.Playground;

/// <summary>The playground page's API: post as a customer, act on cards, and follow the simulated channels.</summary>
public static class PlaygroundEndpoints
{
    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/playground/api");
        api.MapGet("/channels", GetChannels);
        api.MapPost("/messages", PostMessageAsync).DisableAntiforgery();
        api.MapPost("/voice", PostVoiceAsync).DisableAntiforgery();
        api.MapPost("/actions", PostActionAsync);
        api.MapGet("/feed", GetFeedAsync);
        api.MapGet("/cases/{id:long}", GetCaseAsync);
        api.MapPost("/cases/{id:long}/link", LinkAsync);
        api.MapPost("/cases/{id:long}/actions", CaseActionAsync);
        api.MapPost("/messages/{id:long}/split", SplitAsync);
        endpoints.MapGet("/", () => TypedResults.Redirect("/playground/index.html"));
        endpoints.MapGet("/playground", () => TypedResults.Redirect("/playground/index.html"));
        return endpoints;
    }

    private static Ok<JsonObject> GetChannels(IOptions<PlaygroundOptions> playground, RoutingConfiguration routing)
    {
        var customer = new JsonArray(playground.Value.Channels
            .Select(c => (JsonNode?)new JsonObject { ["id"] = c.Id, ["platform"] = c.Platform, ["name"] = c.Name, ["public"] = c.Public })
            .ToArray());
        var teams = new JsonArray(routing.Teams.Teams.Values
            .SelectMany(t => t.ReviewChannels.Where(c => c.Connector == PlaygroundConnector.ConnectorName).Select(c => (Team: t, c.ChannelId)))
            .Select(t => (JsonNode?)new JsonObject { ["id"] = t.ChannelId, ["team"] = t.Team.Name, ["name"] = "Team · " + t.Team.DisplayName })
            .ToArray());
        var reviewers = new JsonArray(playground.Value.Reviewers.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        return TypedResults.Ok(new JsonObject { ["customerChannels"] = customer, ["teamChannels"] = teams, ["reviewers"] = reviewers });
    }

    internal static async Task<Results<Accepted<PlaygroundPostResult>, ProblemHttpResult>> PostMessageAsync(
        PlaygroundMessageRequest request,
        IInboundSink sink,
        IPlaygroundFeedStore feed,
        IOptions<PlaygroundOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var problem = Validate(request, options.Value, out var channel);
        if (problem is not null)
        {
            return problem;
        }

        var message = await AcceptAsync(request, channel!, [], sink, feed, time, cancellationToken);
        return TypedResults.Accepted((string?)null, message);
    }

    private static async Task<Results<Accepted<PlaygroundPostResult>, ProblemHttpResult>> PostVoiceAsync(
        HttpRequest http,
        IInboundSink sink,
        IPlaygroundFeedStore feed,
        PlaygroundConnector connector,
        IOptions<PlaygroundOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!http.HasFormContentType)
        {
            return TypedResults.Problem("Send the voice note as multipart/form-data with fields channelId, author and file.", statusCode: 400);
        }

        var form = await http.ReadFormAsync(cancellationToken);
        var file = form.Files["file"];
        var request = new PlaygroundMessageRequest(form["channelId"].ToString(), form["author"].ToString(), form["text"].ToString(), null);
        var problem = Validate(request with { Text = "voice" }, options.Value, out var channel);
        if (problem is not null)
        {
            return problem;
        }

        if (file is null || file.Length == 0)
        {
            return TypedResults.Problem("The form has no 'file' with the voice note.", statusCode: 400);
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            return TypedResults.Problem($"The voice note is {file.Length} bytes; the limit is {options.Value.MaxUploadBytes}.", statusCode: 413);
        }

        await using var stream = file.OpenReadStream();
        var attachment = await connector.SaveUploadAsync(stream, file.ContentType, file.FileName, cancellationToken);
        var result = await AcceptAsync(request, channel!, [attachment], sink, feed, time, cancellationToken);
        return TypedResults.Accepted((string?)null, result);
    }

    private static async Task<PlaygroundPostResult> AcceptAsync(
        PlaygroundMessageRequest request,
        PlaygroundChannel channel,
        IReadOnlyList<Attachment> attachments,
        IInboundSink sink,
        IPlaygroundFeedStore feed,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var author = request.Author.Trim().TrimStart('@');
        var conversation = channel.Public ? channel.Id : $"{channel.Id}:{author}";
        var text = request.Text ?? string.Empty;
        var message = new InboundMessage(
            PlaygroundConnector.ConnectorName,
            channel.Platform,
            string.IsNullOrWhiteSpace(request.MessageId) ? "pg-" + Guid.NewGuid().ToString("N") : request.MessageId,
            channel.Id,
            conversation,
            null,
            author.ToLowerInvariant(),
            "@" + author,
            text,
            channel.Public,
            attachments,
            now,
            now);

        // Durable first: the page gets its answer only after the message is committed.
        var stored = await sink.IngestAsync(message, cancellationToken);
        if (!stored.Duplicate)
        {
            await feed.AddAsync(
                new PlaygroundPost(0, channel.Id, conversation, null, "@" + author, "customer", attachments.Count > 0 ? "🎙 voice note " + text : text, null, channel.Public, now, 0),
                cancellationToken);
        }

        return new PlaygroundPostResult(stored.MessageId, stored.Duplicate);
    }

    private static ProblemHttpResult? Validate(PlaygroundMessageRequest request, PlaygroundOptions options, out PlaygroundChannel? channel)
    {
        channel = options.Channels.FirstOrDefault(c => c.Id == request.ChannelId);
        var errors = new Dictionary<string, string[]>();
        if (channel is null)
        {
            errors["channelId"] = [$"Unknown channel '{request.ChannelId}'. Known: {string.Join(", ", options.Channels.Select(c => c.Id))}."];
        }

        if (string.IsNullOrWhiteSpace(request.Author) || request.Author.Length > 64)
        {
            errors["author"] = ["Give the customer's handle (1–64 characters)."];
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            errors["text"] = ["The message is empty."];
        }
        else if (request.Text.Length > 20_000)
        {
            errors["text"] = ["The message is longer than 20,000 characters."];
        }

        return errors.Count == 0 ? null : TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = 400,
            Title = "The message was not accepted.",
            Detail = string.Join(" ", errors.Values.SelectMany(v => v)),
            Extensions = { ["errors"] = errors },
        });
    }

    private static async Task<Results<Ok<CardActionResult>, ProblemHttpResult>> PostActionAsync(
        PlaygroundActionRequest request,
        IInboundSink sink,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token) || string.IsNullOrWhiteSpace(request.Reviewer))
        {
            return TypedResults.Problem("An action needs the card's token and the reviewer.", statusCode: 400);
        }

        var reviewer = request.Reviewer.Trim().TrimStart('@');
        var result = await sink.HandleActionAsync(
            new CardActionRequest(request.Token, reviewer, "@" + reviewer, PlaygroundConnector.ConnectorName, request.EditedText, request.NewIntent),
            cancellationToken);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<CardActionResult>> LinkAsync(long id, PlaygroundLinkRequest request, CaseLinkService links, CancellationToken cancellationToken) =>
        TypedResults.Ok(await links.LinkAsync(id, request.OtherCaseId, request.Reviewer, cancellationToken));

    private static async Task<Results<Ok<CardActionResult>, ProblemHttpResult>> CaseActionAsync(long id, PlaygroundCaseActionRequest request, ReviewActionService review, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Action) || string.IsNullOrWhiteSpace(request.Reviewer))
        {
            return TypedResults.Problem("A case action needs the action (assign, resolve, reopen, escalate, retag, or a moderation verb: delete_message, restrict_author, ban_author, pin_warning) and the reviewer.", statusCode: 400);
        }

        var reviewer = request.Reviewer.Trim().TrimStart('@');
        return TypedResults.Ok(await review.HandleCaseActionAsync(
            id,
            request.Action.Trim().ToLowerInvariant(),
            new CardActionRequest(string.Empty, reviewer, "@" + reviewer, PlaygroundConnector.ConnectorName, null, request.NewIntent, request.Assignee),
            cancellationToken));
    }

    private static async Task<Ok<CardActionResult>> SplitAsync(long id, PlaygroundSplitRequest request, CaseLinkService links, CancellationToken cancellationToken) =>
        TypedResults.Ok(await links.SplitAsync(id, request.Reviewer, cancellationToken));

    private static async Task<Ok<JsonObject>> GetFeedAsync(long? since, IPlaygroundFeedStore feed, CancellationToken cancellationToken)
    {
        var posts = await feed.ListChangedAsync(since ?? 0, cancellationToken);
        var items = new JsonArray(posts.Select(p => (JsonNode?)new JsonObject
        {
            ["id"] = p.Id,
            ["channelId"] = p.ChannelId,
            ["conversationId"] = p.ConversationId,
            ["author"] = p.Author,
            ["kind"] = p.Kind,
            ["text"] = p.Text,
            ["card"] = p.CardJson is null ? null : JsonNode.Parse(p.CardJson),
            ["public"] = p.IsPublic,
            ["createdAt"] = p.CreatedAt,
            ["revision"] = p.Revision,
        }).ToArray());
        return TypedResults.Ok(new JsonObject { ["revision"] = posts.Count > 0 ? posts[^1].Revision : since ?? 0, ["posts"] = items });
    }

    private static async Task<Results<Ok<JsonObject>, NotFound>> GetCaseAsync(long id, ICaseStore cases, CancellationToken cancellationToken)
    {
        var c = await cases.GetAsync(id, cancellationToken);
        if (c is null)
        {
            return TypedResults.NotFound();
        }

        var events = await cases.GetEventsAsync(id, cancellationToken);
        return TypedResults.Ok(new JsonObject
        {
            ["id"] = c.Id,
            ["status"] = c.Status.ToWire(),
            ["intent"] = c.Intent,
            ["severity"] = c.Severity,
            ["owner"] = c.OwnerTeam,
            ["version"] = c.Version,
            ["events"] = new JsonArray(events.Select(e => (JsonNode?)new JsonObject
            {
                ["at"] = e.At,
                ["kind"] = e.Kind,
                ["actor"] = e.Actor,
                ["ruleOrModel"] = e.RuleOrModel,
            }).ToArray()),
        });
    }
}

/// <summary>A customer message typed on the playground page.</summary>
public sealed record PlaygroundMessageRequest(string ChannelId, string Author, string? Text, string? MessageId);

public sealed record PlaygroundActionRequest(string Token, string Reviewer, string? EditedText, string? NewIntent);

public sealed record PlaygroundPostResult(long MessageId, bool Duplicate);

/// <summary>Link another case into this one.</summary>
public sealed record PlaygroundLinkRequest(long OtherCaseId, string Reviewer);

/// <summary>An action on a case by id: assign (with <see cref="Assignee"/>), resolve, reopen, escalate or retag.</summary>
public sealed record PlaygroundCaseActionRequest(string Action, string Reviewer, string? Assignee, string? NewIntent);

/// <summary>Split a message out into a case of its own.</summary>
public sealed record PlaygroundSplitRequest(string Reviewer);
