using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.Cards;
using Switchboard.Core.Cards.Rendering;
using Switchboard.Core.Cards.Templating;

namespace Switchboard.Cli;

/// <summary>
/// <c>switchboard card render --template cards/review.json --data cards/samples/review.data.json --surface discord</c>:
/// expands a template and prints the surface's payload as JSON (for teams, the expanded Adaptive Card itself),
/// so anyone can see a card without a platform.
/// </summary>
internal static class CardVerb
{
    private static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Every renderer registration the CLI knows. Surfaces are looked up by <see cref="ICardSurfaceRenderer.Surface"/>
    /// among everything registered here, so a connector's renderer appears once its Add method is listed.
    /// </summary>
    private static readonly Action<IServiceCollection>[] RendererRegistrations =
    [
        services => services.AddCards(),
    ];

    public static Command Create()
    {
        var template = new Option<FileInfo>("--template", "-t") { Description = "Template file, e.g. cards/review.json.", Required = true };
        var data = new Option<FileInfo>("--data", "-d") { Description = "Data file (JSON), e.g. cards/samples/review.data.json.", Required = true };
        var surface = new Option<string>("--surface", "-s") { Description = "teams, slack, discord, telegram or playground.", Required = true };

        var render = new Command("render", "Expand a card template with data and print the surface's payload as JSON.");
        render.Options.Add(template);
        render.Options.Add(data);
        render.Options.Add(surface);
        render.SetAction(parseResult => Render(
            parseResult.GetRequiredValue(template),
            parseResult.GetRequiredValue(data),
            parseResult.GetRequiredValue(surface),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));

        var card = new Command("card", "Work with adaptive card templates.");
        card.Subcommands.Add(render);
        return card;
    }

    /// <returns>0 on success, 1 when the template fails to expand, 2 for bad input (missing file, bad JSON, unknown surface).</returns>
    internal static int Render(FileInfo templateFile, FileInfo dataFile, string surface, TextWriter output, TextWriter error)
    {
        using var services = BuildServices(templateFile.DirectoryName ?? ".");
        var renderers = services.GetRequiredService<CardSurfaceRenderers>();
        if (!renderers.TryGet(surface, out var renderer))
        {
            error.WriteLine($"Unknown surface '{surface}'. Known surfaces: {string.Join(", ", renderers.Surfaces)}.");
            return 2;
        }

        if (!TryReadJson(templateFile, "Template", error, out var templateNode) || !TryReadJson(dataFile, "Data", error, out var dataNode))
        {
            return 2;
        }

        if (templateNode is not JsonObject templateObject || dataNode is not JsonObject dataObject)
        {
            error.WriteLine(templateNode is not JsonObject
                ? $"Template file '{templateFile.FullName}' must hold a JSON object (an AdaptiveCard)."
                : $"Data file '{dataFile.FullName}' must hold a JSON object.");
            return 2;
        }

        try
        {
            var kind = Path.GetFileNameWithoutExtension(templateFile.Name);
            var payload = services.GetRequiredService<CardComposer>().Compose(kind, templateObject, dataObject);
            var rendered = renderer.Render(payload);
            JsonNode printed = surface.Equals("teams", StringComparison.OrdinalIgnoreCase) && rendered["content"] is JsonObject content
                ? content
                : rendered;
            output.WriteLine(printed.ToJsonString(Pretty));
            return 0;
        }
        catch (Exception ex) when (ex is TemplateException or InvalidOperationException)
        {
            error.WriteLine($"Cannot render {templateFile.Name} with {dataFile.Name}: {ex.Message}");
            return 1;
        }
    }

    private static ServiceProvider BuildServices(string templatesFolder)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [CardsOptions.Section + ":TemplatesPath"] = templatesFolder })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        foreach (var register in RendererRegistrations)
        {
            register(services);
        }

        return services.BuildServiceProvider();
    }

    private static bool TryReadJson(FileInfo file, string what, TextWriter error, out JsonNode? node)
    {
        node = null;
        if (!file.Exists)
        {
            error.WriteLine($"{what} file '{file.FullName}' was not found.");
            return false;
        }

        try
        {
            node = JsonNode.Parse(File.ReadAllText(file.FullName));
            return true;
        }
        catch (JsonException ex)
        {
            error.WriteLine($"{what} file '{file.FullName}' is not valid JSON: {ex.Message}");
            return false;
        }
    }
}
