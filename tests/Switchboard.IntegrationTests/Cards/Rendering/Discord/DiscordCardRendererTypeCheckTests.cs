using System.Text;
using System.Text.Json.Nodes;
using Switchboard.Core.Cards.Rendering.Discord;

namespace Switchboard.IntegrationTests.Cards.Rendering.Discord;

/// <summary>
/// Checks every Discord payload the renderer makes from the sample cards against discord-api-types
/// (RESTPostAPIChannelMessageJSONBody for the message, APIModalInteractionResponseCallbackData for modals)
/// with the TypeScript compiler pinned in tests/js/cards. Object literals get TypeScript's excess-property
/// check, so an unknown field, a wrong type or an enum value Discord does not define fails the test.
/// A deliberately broken canary file proves the check can fail.
/// </summary>
public sealed class DiscordCardRendererTypeCheckTests : IDisposable
{
    private const string Header =
        "import type { RESTPostAPIChannelMessageJSONBody, APIModalInteractionResponseCallbackData } from \"discord-api-types/v10\";\n";

    // tsc resolves discord-api-types from the node_modules above the generated files, so they go under tests/js/cards.
    private readonly string _folder = Path.Combine(NodeOracle.Folder, "generated", Guid.NewGuid().ToString("N"));

    public DiscordCardRendererTypeCheckTests()
    {
        Directory.CreateDirectory(_folder);
    }

    [Fact]
    public async Task Render_EverySampleCard_TypeChecksAgainstDiscordApiTypes()
    {
        var composer = CardSamples.Composer();
        var renderer = new DiscordCardRenderer();
        var files = new List<string>();
        foreach (var (name, _, data) in CardSamples.Pairs())
        {
            var payload = renderer.Render(composer.Compose(name, CardSamples.Read(data)));
            var file = Path.GetFileName(data).Replace(".data.json", string.Empty, StringComparison.Ordinal).Replace('.', '_') + ".ts";
            await File.WriteAllTextAsync(Path.Combine(_folder, file), ToTypeScript(payload), TestContext.Current.CancellationToken);
            files.Add(file);
        }

        // The canary: a string custom_id turned into a number and an embed field with a property Discord lacks.
        var canary = ToTypeScript(renderer.Render(composer.Compose("review", CardSamples.Read(CardSamples.DataFiles("review")[0]))))
            .Replace("\"custom_id\":\"sb:approve:tokA\"", "\"custom_id\":5", StringComparison.Ordinal);
        var firstField = canary.IndexOf("\"inline\":true", StringComparison.Ordinal);
        canary = canary.Insert(firstField + "\"inline\":true".Length, ",\"colour\":1");
        await File.WriteAllTextAsync(Path.Combine(_folder, "canary.ts"), canary, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(_folder, "tsconfig.json"),
            """{"compilerOptions":{"strict":true,"noEmit":true,"module":"commonjs","moduleResolution":"node","target":"es2020","skipLibCheck":true,"types":[]},"include":["*.ts"]}""",
            TestContext.Current.CancellationToken);

        var (exitCode, stdout, stderr) = await NodeOracle.RunAsync(
            ["node_modules/typescript/bin/tsc", "-p", Path.Combine(_folder, "tsconfig.json")],
            TestContext.Current.CancellationToken);

        var errors = (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains("error TS", StringComparison.Ordinal))
            .ToList();
        Assert.NotEqual(0, exitCode);
        Assert.Equal(2, errors.Count(e => e.Contains("canary.ts", StringComparison.Ordinal)));
        Assert.DoesNotContain(errors, e => !e.Contains("canary.ts", StringComparison.Ordinal));
        Assert.True(files.Count >= 12, $"Only {files.Count} payloads were checked.");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ToTypeScript(JsonObject payload)
    {
        var ts = new StringBuilder(Header);
        ts.Append("export const message: RESTPostAPIChannelMessageJSONBody = ").Append(payload["message"]!.ToJsonString()).Append(";\n");
        ts.Append("export const modals: Record<string, APIModalInteractionResponseCallbackData> = ").Append(payload["modals"]!.ToJsonString()).Append(";\n");
        return ts.ToString();
    }
}
