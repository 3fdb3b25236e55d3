using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Core.Drafting;
using Switchboard.Core.Governance;
using Switchboard.Core.Routing;
using Switchboard.Core.Routing.Sla;
using Switchboard.Tests;

namespace Switchboard.UnitTests.Routing;

public sealed class RoutingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCaseRouting_ShippedConfig_ResolvesEveryComponent()
    {
        using var host = Build([]);

        Assert.NotNull(host.Services.GetRequiredService<IOptions<RoutingOptions>>().Value);
        Assert.NotNull(host.Services.GetRequiredService<IOptions<DraftingOptions>>().Value);
        Assert.NotNull(host.Services.GetRequiredService<IOptions<GovernanceOptions>>().Value);
        Assert.Equal("matrix-2026.11-1", host.Services.GetRequiredService<Router>().Configuration.Matrix.Version);
        Assert.Equal(TimeSpan.FromMinutes(10), host.Services.GetRequiredService<SlaEngine>().WarningLead);
        Assert.NotNull(host.Services.GetRequiredService<ReplyDrafter>());
        Assert.NotNull(host.Services.GetRequiredService<ActionAuthorizer>());
        Assert.Equal(["agent", "finance_lead"], host.Services.GetRequiredService<ActorDirectory>().For("slack:U1").Roles);
        Assert.Empty(host.Services.GetRequiredService<ActorDirectory>().For("slack:U2").Roles);
    }

    [Fact]
    public void AddCaseRouting_BrokenMatrixPath_FailsValidationWithThePath()
    {
        using var host = Build(new() { ["Switchboard:Routing:MatrixPath"] = "config/missing-matrix.yaml" });

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RoutingOptions>>().Value);

        Assert.StartsWith("matrix: file '", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddDrafting_LlmEnabledWithoutSettings_ReportsEveryMissingSetting()
    {
        using var host = Build(new() { ["Switchboard:Drafting:Llm:Enabled"] = "true" });

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<DraftingOptions>>().Value);

        Assert.Equal(3, ex.Failures.Count());
    }

    [Fact]
    public void AddGovernance_MemberWithUnknownRole_FailsValidation()
    {
        using var host = Build(new()
        {
            ["Switchboard:Governance:Members:0:Actor"] = "slack:U9",
            ["Switchboard:Governance:Members:0:Roles:0"] = "ceo",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<GovernanceOptions>>().Value);

        Assert.Equal("Switchboard:Governance:Members:0:Roles: 'ceo' is not a role in config/roles.yaml", Assert.Single(ex.Failures));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = RepoPaths.Root });
        var defaults = new Dictionary<string, string?>
        {
            ["Switchboard:Governance:Members:0:Actor"] = "slack:U1",
            ["Switchboard:Governance:Members:0:Roles:0"] = "agent",
            ["Switchboard:Governance:Members:0:Roles:1"] = "finance_lead",
        };
        foreach (var (key, value) in settings)
        {
            defaults[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(defaults);
        builder.Services.AddLogging();
        builder.Services.AddCaseRouting().AddDrafting().AddGovernance();
        return builder.Build();
    }
}
