using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Drafting;
using Switchboard.Core.Routing;
using Switchboard.Core.Triage;
using Switchboard.Tests;
using Switchboard.UnitTests.Routing;

namespace Switchboard.UnitTests.Drafting;

/// <summary>The shipped templates and link library, and helpers to route a case for drafting.</summary>
internal static class DraftingTestConfig
{
    private static readonly Lazy<(ReplyTemplateCatalog Templates, LinkLibrary Links)> Shipped = new(() =>
        DraftingConfigLoader.Load(TemplatesYaml, LinksYaml));

    public static string TemplatesYaml => File.ReadAllText(RepoPaths.InRepo("config", "reply-templates.yaml"));

    public static string LinksYaml => File.ReadAllText(RepoPaths.InRepo("config", "link-library.yaml"));

    public static ReplyTemplateCatalog Templates => Shipped.Value.Templates;

    public static LinkLibrary Links => Shipped.Value.Links;

    public static ReplyDrafter Drafter(ReplyTemplateCatalog? templates = null, IDraftRewriter? rewriter = null, DraftingOptions? options = null) =>
        new(templates ?? Templates, Links, new RegexPersonalDataScanner(), Options.Create(options ?? new DraftingOptions()), NullLogger<ReplyDrafter>.Instance, rewriter);

    public static RoutingDecision Route(string intent, string severity = Severities.Normal) =>
        new Router(RoutingTestConfig.Default).Route(
            new TriageResult(intent, severity, 0.95, "en", [], null, 0, false, [], "test"),
            new RoutingFacts("x", true, RoutingTestConfig.Midweek));
}
