using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>Talks to the playground API the way the page does.</summary>
public sealed class PlaygroundClient(HttpClient http)
{
    public async Task<JsonObject> PostAsync(string channelId, string author, string text, string? messageId = null)
    {
        var response = await http.PostAsJsonAsync("/playground/api/messages", new { channelId, author, text, messageId }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST /messages answered {(int)response.StatusCode}: {body}");
        return body!;
    }

    public async Task<List<JsonObject>> FeedAsync()
    {
        var feed = await http.GetFromJsonAsync<JsonObject>("/playground/api/feed?since=0", TestContext.Current.CancellationToken);
        return feed!["posts"]!.AsArray().Select(p => p!.AsObject()).ToList();
    }

    public async Task<List<JsonObject>> PostsInAsync(string channelId, string kind) =>
        (await FeedAsync()).Where(p => (string?)p["channelId"] == channelId && (string?)p["kind"] == kind).ToList();

    /// <summary>Waits until a card is in the channel and returns it.</summary>
    public Task<JsonObject> CardInAsync(string channelId, Func<JsonObject, bool>? where = null) =>
        Eventually.GetAsync(async () => (await PostsInAsync(channelId, "card")).FirstOrDefault(c => where?.Invoke(c) ?? true), what: $"a card in {channelId}");

    public static string TokenOf(JsonObject cardPost, string verb) =>
        FindActions(cardPost["card"]!.AsObject()).First(a => (string?)a["verb"] == verb)["data"]!["token"]!.GetValue<string>();

    public static bool HasActions(JsonObject cardPost) => FindActions(cardPost["card"]!.AsObject()).Any();

    public async Task<JsonObject> ActAsync(string token, string reviewer, string? editedText = null, string? newIntent = null)
    {
        var response = await http.PostAsJsonAsync("/playground/api/actions", new { token, reviewer, editedText, newIntent }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    public async Task<JsonObject> CaseAsync(long id) =>
        (await http.GetFromJsonAsync<JsonObject>($"/playground/api/cases/{id}", TestContext.Current.CancellationToken))!;

    /// <summary>Every Action.Execute/Submit in a card, inside ActionSets and ShowCards too.</summary>
    public static IEnumerable<JsonObject> FindActions(JsonNode? node)
    {
        if (node is JsonObject o)
        {
            if ((string?)o["type"] is "Action.Execute" or "Action.Submit")
            {
                yield return o;
            }

            foreach (var (_, child) in o)
            {
                foreach (var a in FindActions(child))
                {
                    yield return a;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                foreach (var a in FindActions(child))
                {
                    yield return a;
                }
            }
        }
    }
}
