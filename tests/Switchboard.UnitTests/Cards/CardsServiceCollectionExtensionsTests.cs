using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Cards;
using Switchboard.Core.Cards.Rendering;

namespace Switchboard.UnitTests.Cards;

public sealed class CardsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCards_Twice_RegistersEachRendererOnce()
    {
        using var provider = Build(new Dictionary<string, string?>(), twice: true);

        var surfaces = provider.GetServices<ICardSurfaceRenderer>().Select(r => r.Surface).Order(StringComparer.Ordinal);

        Assert.Equal(["discord", "playground", "slack", "teams"], surfaces);
        Assert.Equal(["discord", "playground", "slack", "teams"], provider.GetRequiredService<CardSurfaceRenderers>().Surfaces);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddCards_BeforeOrAfterTheBuiltInComposer_WinsAsICardComposer(bool builtInFirst)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Switchboard:Cards:TemplatesPath"] = CardTestData.TemplatesFolder }).Build());
        if (builtInFirst)
        {
            services.TryAddSingleton<ICardComposer, BuiltInCardComposer>();
        }

        services.AddCards();
        services.TryAddSingleton<ICardComposer, BuiltInCardComposer>();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<CardComposer>(provider.GetRequiredService<ICardComposer>());
        Assert.Single(services, d => d.ServiceType == typeof(ICardComposer));
    }

    [Fact]
    public void AddCards_Configured_ComposesFromTheConfiguredFolder()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Switchboard:Cards:TemplatesPath"] = CardTestData.TemplatesFolder });

        var payload = provider.GetRequiredService<CardComposer>().Compose("kpi", CardTestData.Sample("kpi.data.json"));

        Assert.Equal("kpi", payload.Kind);
        Assert.True(provider.GetRequiredService<CardSurfaceRenderers>().TryGet("TEAMS", out var teams));
        Assert.Equal("teams", teams.Surface);
    }

    [Fact]
    public void AddCards_BadSettings_ReportsEveryError()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Switchboard:Cards:TemplatesPath"] = "/no/such/folder",
            ["Switchboard:Cards:MaxCardBytes"] = "8000",
            ["Switchboard:Cards:LongTextLimit"] = "5000",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CardsOptions>>().Value);

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("TemplatesPath", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("LongTextLimit", StringComparison.Ordinal));
    }

    [Fact]
    public void AddCards_OutOfRangeSize_FailsDataAnnotations()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Switchboard:Cards:MaxCardBytes"] = "100" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CardsOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains("MaxCardBytes", StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, bool twice = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddCards();
        if (twice)
        {
            services.AddCards();
        }

        return services.BuildServiceProvider();
    }
}
