using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Switchboard.UnitTests.Connectors.Telegram;

/// <summary>
/// An in-process Bot API for unit tests (no sockets): records every call as (method, JSON body) and answers
/// with <see cref="Respond"/>, or a plain success with a made-up message for sends.
/// </summary>
internal sealed class StubBotApiHandler : HttpMessageHandler
{
    private int _nextMessageId = 500;

    public ConcurrentQueue<(string Method, JsonObject Body)> Calls { get; } = new();

    public List<Uri> Uris { get; } = [];

    /// <summary>Return null to fall back to the default answer.</summary>
    public Func<string, JsonObject, HttpResponseMessage?> Respond { get; set; } = (_, _) => null;

    public IEnumerable<JsonObject> CallsTo(string method) => Calls.Where(c => c.Method == method).Select(c => c.Body);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Uris)
        {
            Uris.Add(request.RequestUri!);
        }

        var method = request.RequestUri!.Segments[^1];
        var body = request.Content is null ? new JsonObject()
            : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken)) as JsonObject ?? new JsonObject();
        Calls.Enqueue((method, body));
        return Respond(method, body) ?? Default(method, body);
    }

    private HttpResponseMessage Default(string method, JsonObject body)
    {
        if (method == "sendMessage")
        {
            var id = Interlocked.Increment(ref _nextMessageId);
            return Json(HttpStatusCode.OK, $$$"""{"ok":true,"result":{"message_id":{{{id}}},"date":1700000000,"chat":{"id":{{{body["chat_id"]}}},"type":"private"},"text":"x"} }""");
        }

        if (method == "getMe")
        {
            return Json(HttpStatusCode.OK, """{"ok":true,"result":{"id":42,"is_bot":true,"first_name":"Switchboard","username":"switchboard_bot"}}""");
        }

        return Json(HttpStatusCode.OK, """{"ok":true,"result":true}""");
    }
}
