using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>
/// telegram-test-api (installed by eng/install/telegram.sh) running as a node child process on a free loopback port,
/// plus its test-client HTTP API: user messages and button presses go in, the bot's messages come out.
/// </summary>
internal sealed class TelegramEmulator : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private TelegramEmulator(Process process, int port)
    {
        _process = process;
        BaseUrl = $"http://127.0.0.1:{port}";
        _http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string BaseUrl { get; }

    public static async Task<TelegramEmulator> StartAsync(CancellationToken cancellationToken)
    {
        var folder = RepoPaths.InRepo("tests", "js", "telegram");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "telegram-test-api")))
        {
            throw new InvalidOperationException("telegram-test-api is not installed: run eng/install/telegram.sh.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("server.js");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            if (line is null || !line.StartsWith("ready", StringComparison.Ordinal))
            {
                var error = await process.StandardError.ReadToEndAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
                throw new InvalidOperationException($"telegram-test-api did not start: {line} {error}");
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        return new TelegramEmulator(process, port);
    }

    /// <summary>A customer (or reviewer) writes to the bot.</summary>
    public Task SendUserMessageAsync(string token, long userId, string userName, long chatId, string chatType, string text, CancellationToken cancellationToken) =>
        PostAsync("/sendMessage", new JsonObject
        {
            ["botToken"] = token,
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = userName, ["username"] = userName },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType },
            ["date"] = DateTimeOffset.FromUnixTimeSeconds(1_795_000_000).ToUnixTimeSeconds(),
            ["text"] = text,
        }, cancellationToken);

    /// <summary>A reviewer presses an inline button on a bot message.</summary>
    public Task PressButtonAsync(string token, long userId, string userName, long chatId, long messageId, string callbackData, CancellationToken cancellationToken) =>
        PostAsync("/sendCallback", new JsonObject
        {
            ["botToken"] = token,
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = userName, ["username"] = userName },
            // The emulator passes the client's message through; a real callback carries the bot's message with its id.
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = 1_795_000_000,
                ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "supergroup" },
            },
            ["data"] = callbackData,
            ["date"] = 1_795_000_000,
        }, cancellationToken);

    /// <summary>Every message the bot sent (and its edits, applied in place), oldest first.</summary>
    public async Task<List<JsonObject>> BotMessagesAsync(string token, long chatId, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync("/getUpdatesHistory", new JsonObject { ["token"] = token }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return [.. body!["result"]!.AsArray().OfType<JsonObject>()
            .Where(r => r["message"]?["chat_id"] is { } chat && chat.ToString() == chatId.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>Polls the bot's messages to <paramref name="chatId"/> until one matches (bounded by a deadline).</summary>
    public async Task<JsonObject> WaitForBotMessageAsync(string token, long chatId, Func<JsonObject, bool> match, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            var found = (await BotMessagesAsync(token, chatId, cancellationToken)).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"No matching bot message reached chat {chatId}.");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            // Closing stdin makes server.js stop the emulator and exit.
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(path, body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Emulator {path} answered {(int)response.StatusCode}.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
