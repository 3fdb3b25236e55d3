using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>
/// A loopback Bot API (Kestrel on 127.0.0.1) for what telegram-test-api lacks: getUpdates with real offset
/// semantics, getFile and file download, and faults on demand (429 with retry_after, 5xx, slow answers) through
/// <see cref="Fault"/>, and getChatMember answered from <see cref="ChatMembers"/> (for moderation). Every call is
/// recorded with its method and JSON body.
/// </summary>
internal sealed class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<JsonObject> _updates = [];
    private long _nextMessageId = 700;

    private FakeBotApi(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public ConcurrentQueue<(string Method, JsonObject Body, TimeSpan At)> Calls { get; } = new();

    /// <summary>Return a result to answer a call differently (a fault), or null for the normal answer.</summary>
    public Func<string, JsonObject, Task<IResult?>> Fault { get; set; } = (_, _) => Task.FromResult<IResult?>(null);

    /// <summary>file_id → content served by getFile and /file/bot{token}/{path}.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>Overrides the size getFile reports (to test a declared size over the limit).</summary>
    public long? ReportedFileSize { get; set; }

    /// <summary>(chat id, user id) → the ChatMember object getChatMember answers; anyone else is a plain member.</summary>
    public ConcurrentDictionary<(long Chat, long User), JsonObject> ChatMembers { get; } = new();

    /// <summary>Updates confirmed so far: everything below the highest offset a getUpdates call sent.</summary>
    public long ConfirmedBelow { get; private set; }

    private System.Diagnostics.Stopwatch Clock { get; } = System.Diagnostics.Stopwatch.StartNew();

    public static async Task<FakeBotApi> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeBotApi(app);
        app.MapPost("/bot{token}/{method}", (string method, HttpContext context) => fake.HandleAsync(method, context));
        app.MapGet("/file/bot{token}/{**path}", (string path) => fake.Download(path));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseUrl = address.TrimEnd('/');
        return fake;
    }

    /// <summary>Queues a private text message from <paramref name="userId"/> as the next update.</summary>
    public long AddPrivateMessage(long userId, string text)
    {
        lock (_gate)
        {
            var updateId = 1000L + _updates.Count;
            _updates.Add(JsonNode.Parse($$"""
                {"update_id": {{updateId}}, "message": {"message_id": {{updateId + 5}}, "date": 1795000000,
                  "from": {"id": {{userId}}, "is_bot": false, "first_name": "Customer"},
                  "chat": {"id": {{userId}}, "type": "private"}, "text": {{JsonValue.Create(text).ToJsonString()}} } }
                """)!.AsObject());
            return updateId;
        }
    }

    /// <summary>Queues a raw update; its update_id must follow the ones queued before.</summary>
    public void AddUpdate(string json)
    {
        lock (_gate)
        {
            _updates.Add(JsonNode.Parse(json)!.AsObject());
        }
    }

    /// <summary>
    /// Queues a text message from <paramref name="userId"/> in a group or supergroup, as a reply to
    /// <paramref name="replyToMessageId"/> when given; returns its message_id.
    /// </summary>
    public long AddGroupMessage(long chatId, long userId, string username, string text, long? replyToMessageId = null)
    {
        lock (_gate)
        {
            var updateId = 1000L + _updates.Count;
            var update = JsonNode.Parse($$"""
                {"update_id": {{updateId}}, "message": {"message_id": {{updateId + 5}}, "date": 1795000000,
                  "from": {"id": {{userId}}, "is_bot": false, "first_name": "Member", "username": "{{username}}"},
                  "chat": {"id": {{chatId}}, "type": "supergroup", "title": "Customers"}, "text": {{JsonValue.Create(text).ToJsonString()}} } }
                """)!.AsObject();
            if (replyToMessageId is { } replyTo)
            {
                // Telegram nests the replied-to message; its id and chat are what a reply is keyed on.
                update["message"]!["reply_to_message"] = JsonNode.Parse($$"""
                    {"message_id": {{replyTo}}, "date": 1795000000, "chat": {"id": {{chatId}}, "type": "supergroup", "title": "Customers"} }
                    """);
            }

            _updates.Add(update);
            return updateId + 5;
        }
    }

    /// <summary>Queues a button press on the bot's message <paramref name="messageId"/> in <paramref name="chatId"/>.</summary>
    public void AddCallbackQuery(long chatId, long messageId, long userId, string username, string data)
    {
        lock (_gate)
        {
            var updateId = 1000L + _updates.Count;
            _updates.Add(JsonNode.Parse($$"""
                {"update_id": {{updateId}}, "callback_query": {"id": "cb-{{updateId}}", "chat_instance": "ci-1",
                  "from": {"id": {{userId}}, "is_bot": false, "first_name": "Mod", "username": "{{username}}"},
                  "message": {"message_id": {{messageId}}, "date": 1795000000, "chat": {"id": {{chatId}}, "type": "supergroup", "title": "Team"} },
                  "data": {{JsonValue.Create(data).ToJsonString()}} } }
                """)!.AsObject());
        }
    }

    public IEnumerable<JsonObject> CallsTo(string method) => Calls.Where(c => c.Method == method).Select(c => c.Body);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(string method, HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject ?? new JsonObject();
        Calls.Enqueue((method, body, Clock.Elapsed));
        if (await Fault(method, body) is { } fault)
        {
            return fault;
        }

        switch (method)
        {
            case "getUpdates":
                return Ok(await UpdatesAsync(body, context.RequestAborted));
            case "getMe":
                return Ok(JsonNode.Parse("""{"id": 42, "is_bot": true, "first_name": "Fake", "username": "fake_bot"}"""));
            case "sendMessage":
                var id = Interlocked.Increment(ref _nextMessageId);
                return Ok(new JsonObject
                {
                    ["message_id"] = id,
                    ["date"] = 1795000000,
                    ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" },
                    ["text"] = body["text"]?.DeepClone(),
                });
            case "getChatMember":
                var member = ChatMembers.TryGetValue(((long)body["chat_id"]!, (long)body["user_id"]!), out var known)
                    ? known.DeepClone()
                    : new JsonObject { ["status"] = "member", ["user"] = new JsonObject { ["id"] = body["user_id"]!.DeepClone(), ["is_bot"] = false, ["first_name"] = "Member" } };
                return Ok(member);
            case "getFile":
                var fileId = (string)body["file_id"]!;
                if (!Files.TryGetValue(fileId, out var content))
                {
                    return Error(400, "Bad Request: invalid file_id");
                }

                return Ok(new JsonObject
                {
                    ["file_id"] = fileId,
                    ["file_unique_id"] = "u-" + fileId,
                    ["file_size"] = ReportedFileSize ?? content.Length,
                    ["file_path"] = "voice/" + fileId + ".oga",
                });
            default:
                return Ok(JsonValue.Create(true));
        }
    }

    private async Task<JsonArray> UpdatesAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var offset = body["offset"] is { } o ? (long)o : 0;
        for (var wait = 0; wait < 4; wait++)
        {
            lock (_gate)
            {
                // Real semantics: a call with an offset confirms (forgets) everything below it.
                ConfirmedBelow = Math.Max(ConfirmedBelow, offset);
                var pending = _updates.Where(u => (long)u["update_id"]! >= Math.Max(offset, ConfirmedBelow)).Select(u => u.DeepClone()).ToArray();
                if (pending.Length > 0)
                {
                    return new JsonArray(pending);
                }
            }

            // A short stand-in for the long poll.
            await Task.Delay(50, cancellationToken);
        }

        return [];
    }

    private IResult Download(string path)
    {
        var fileId = Path.GetFileNameWithoutExtension(path);
        return Files.TryGetValue(fileId, out var content)
            ? Results.Bytes(content, "audio/ogg")
            : Results.NotFound();
    }

    private static IResult Ok(JsonNode? result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    public static IResult Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } after)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = after };
        }

        return Results.Json(body, statusCode: code);
    }

    public static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}
