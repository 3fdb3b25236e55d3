using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards;
using Switchboard.Core.Connectors;
using Switchboard.Tests;

namespace Switchboard.UnitTests.Cards;

/// <summary>The repo's card templates and sample data, composed the way the app does.</summary>
internal static class CardTestData
{
    public static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string TemplatesFolder => RepoPaths.InRepo("cards");

    public static JsonObject Sample(string file) => JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("cards", "samples", file)))!.AsObject();

    public static CardComposer Composer(CardsOptions? options = null)
    {
        var wrapped = Options.Create(options ?? new CardsOptions());
        wrapped.Value.TemplatesPath ??= TemplatesFolder;
        return new CardComposer(new CardTemplates(wrapped), wrapped, NullLogger<CardComposer>.Instance);
    }

    /// <summary>The review card composed from cards/samples/review[.variant].data.json.</summary>
    public static CardPayload Review(string variant = "") =>
        Composer().Compose("review", Sample(variant.Length == 0 ? "review.data.json" : $"review.{variant}.data.json"));

    public static string ToPrettyJson(JsonNode node) => node.ToJsonString(Pretty);
}
