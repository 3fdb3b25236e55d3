using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Connectors.Teams;

/// <summary>
/// Runs tests/js/teams/peer.js: the Bot Framework JavaScript SDK playing the channel. It serves the serviceUrl
/// (validating the bot's tokens with the SDK) and posts activities to the bot with tokens from the loopback issuer,
/// or with Entra tokens the test minted.
/// </summary>
internal sealed class TeamsPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;
    private readonly ConcurrentQueue<string> _stderr = new();
    private int _nextId;

    private TeamsPeer(Process process)
    {
        _process = process;
        _reader = ReadAsync();
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _stderr.Enqueue(e.Data);
            }
        };
        _process.BeginErrorReadLine();
    }

    public static string PackageDir => RepoPaths.InRepo("tests", "js", "teams");

    /// <summary>The serviceUrl the peer serves (ends in '/').</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Every call the bot made to the serviceUrl, in order.</summary>
    public ConcurrentQueue<JsonObject> Calls { get; } = new();

    public static async Task<TeamsPeer> StartAsync(string issuerBase, Uri botBase, CancellationToken cancellationToken)
    {
        Assert.True(
            File.Exists(Path.Combine(PackageDir, "node_modules", "botframework-connector", "package.json")),
            "botframework-connector is not installed: run eng/install/teams.sh");
        var start = new ProcessStartInfo("node", [Path.Combine(PackageDir, "peer.js"), issuerBase, botBase.ToString().TrimEnd('/'), TeamsTestTokens.AppId])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = PackageDir,
        };
        var peer = new TeamsPeer(Process.Start(start)!);
        peer.ServiceUrl = await peer._ready.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return peer;
    }

    /// <summary>Posts <paramref name="activity"/> to the bot with a token of <paramref name="kind"/>; returns {status, body, sdkAccepted}.</summary>
    public Task<JsonObject> PostAsync(JsonObject activity, TeamsTokenKind kind = TeamsTokenKind.Valid) =>
        PostCommandAsync(new JsonObject { ["op"] = "post", ["kind"] = kind.ToString(), ["activity"] = activity });

    /// <summary>Posts <paramref name="activity"/> with an Entra-issued <paramref name="token"/>, which the peer first checks with the SDK's EmulatorValidation; returns {status, body, sdkAccepted}.</summary>
    public Task<JsonObject> PostWithEntraTokenAsync(JsonObject activity, string token) =>
        PostCommandAsync(new JsonObject { ["op"] = "post", ["token"] = token, ["activity"] = activity });

    private async Task<JsonObject> PostCommandAsync(JsonObject command)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        command["id"] = id;
        await SendAsync(command);
        try
        {
            return await answer.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("The peer did not answer; its stderr: " + string.Join('\n', _stderr));
        }
    }

    /// <summary>Makes the serviceUrl answer the next bot call with <paramref name="status"/> and Retry-After.</summary>
    public Task FailNextAsync(int status, int retryAfterSeconds) =>
        SendAsync(new JsonObject { ["op"] = "fail-next", ["status"] = status, ["retryAfter"] = retryAfterSeconds });

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private async Task SendAsync(JsonObject command)
    {
        await _process.StandardInput.WriteLineAsync(command.ToJsonString());
        await _process.StandardInput.FlushAsync(TestContext.Current.CancellationToken);
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (JsonNode.Parse(line) is not JsonObject message)
            {
                continue;
            }

            switch ((string?)message["event"])
            {
                case "ready":
                    _ready.TrySetResult((string)message["serviceUrl"]!);
                    break;
                case "call":
                    Calls.Enqueue(message);
                    break;
                case "response" when _pending.TryRemove((int)message["id"]!, out var answer):
                    answer.TrySetResult(message);
                    break;
            }
        }

        _ready.TrySetException(new InvalidOperationException("The peer exited: " + string.Join('\n', _stderr)));
    }
}
