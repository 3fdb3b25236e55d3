using System.Text;
using System.Text.Json.Nodes;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Cards.Rendering;

/// <summary>
/// Every card template rendered for Telegram (by the real `card render` verb) is type-checked against
/// @grammyjs/types: the payload must be a valid sendMessage request apart from chat_id (tsc --noEmit, strict,
/// object literals so unknown properties are errors too). tests/js/telegram is installed by eng/install/telegram.sh.
/// </summary>
public sealed class TelegramPayloadTypeTests
{
    private static IEnumerable<string> Samples() =>
        Directory.GetFiles(RepoPaths.InRepo("cards", "samples"), "*.data.json").Order(StringComparer.Ordinal).Select(Path.GetFileName)!;

    [Fact]
    public async Task Render_EveryTemplateAndSample_IsATelegramSendMessageRequest()
    {
        var payloads = new List<(string Name, JsonNode Payload)>();
        foreach (var sample in Samples())
        {
            var template = RepoPaths.InRepo("cards", sample.Split('.')[0] + ".json");
            var result = await SwitchboardProcess.RunAsync(TimeSpan.FromMinutes(1), "card", "render", "--template", template, "--data", RepoPaths.InRepo("cards", "samples", sample), "--surface", "telegram");
            Assert.True(result.ExitCode == 0, sample + ": " + result.Error);
            payloads.Add((sample, JsonNode.Parse(result.Output)!));
        }

        var (exitCode, output) = await CheckAsync(payloads.Select(p => p.Payload));

        Assert.True(exitCode == 0, output);
        Assert.Contains(payloads, p => p.Payload["reply_markup"]?["inline_keyboard"] is JsonArray { Count: > 0 });
    }

    [Fact]
    public async Task Check_PayloadWithAnUnknownField_IsRejected()
    {
        var bad = JsonNode.Parse("""{"text":"x","parse_mode":"HTML","reply_markup":{"inline_keyboard":[[{"text":"Approve","callback_datum":"sb:t"}]]}}""")!;

        var (exitCode, output) = await CheckAsync([bad]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("callback_datum", output, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output)> CheckAsync(IEnumerable<JsonNode> payloads)
    {
        var source = new StringBuilder("import type { ApiMethods } from '@grammyjs/types';\n")
            .Append("type SendMessage = Omit<Parameters<ApiMethods<never>['sendMessage']>[0], 'chat_id'>;\n");
        var i = 0;
        foreach (var payload in payloads)
        {
            source.Append($"export const p{i++}: SendMessage = {payload.ToJsonString()};\n");
        }

        return TypeScriptCheck.RunAsync("telegram", "eng/install/telegram.sh", source.ToString());
    }
}
