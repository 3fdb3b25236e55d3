using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Core.Triage;

namespace Switchboard.UnitTests.Triage;

public sealed class TriageOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new TriageOptionsValidator().Validate(null, new TriageOptions()).Succeeded);

    [Fact]
    public void Validate_BadPathsAndIntents_ReportsEveryError()
    {
        var result = new TriageOptionsValidator().Validate(null, new TriageOptions
        {
            ModelPath = "/nonexistent/model.bin",
            RulesPath = "/nonexistent/rules.yaml",
            ClusterIntents = ["outage", "weather"],
        });

        Assert.True(result.Failed);
        Assert.Contains("ModelPath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("RulesPath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("'weather'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadOutageClusterWords_ReportsEveryError()
    {
        var result = new TriageOptionsValidator().Validate(null, new TriageOptions
        {
            ClusterOutageFeatures = new() { ["login"] = [], ["service"] = ["app"], ["search"] = ["search", " "] },
            ClusterOutageServiceWords = ["app", ""],
            ClusterOutageWords = [" "],
        });

        Assert.True(result.Failed);
        Assert.Contains("feature 'login'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("feature 'service'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("feature 'search'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ClusterOutageServiceWords", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("ClusterOutageWords", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTriage_BindsOutageFeaturesFromConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Switchboard:Triage:ClusterOutageFeatures:boarding:0"] = "boarding",
                ["Switchboard:Triage:ClusterOutageFeatures:boarding:1"] = "gate",
                ["Switchboard:Triage:ClusterOutageByTerms"] = "false",
            })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddTriage()
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TriageOptions>>().Value;

        Assert.False(options.ClusterOutageByTerms);
        Assert.Equal(["boarding", "gate"], options.ClusterOutageFeatures!["boarding"]);
        Assert.Null(options.ClusterOutageWords);
    }

    [Fact]
    public void AddTriage_BindsSectionAndResolvesSingleton()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Switchboard:Triage:ClusterThreshold"] = "7" })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddTriage()
            .BuildServiceProvider();

        Assert.Equal(7, provider.GetRequiredService<IOptions<TriageOptions>>().Value.ClusterThreshold);
        Assert.Same(provider.GetRequiredService<ITriageEngine>(), provider.GetRequiredService<ITriageEngine>());
    }

    [Fact]
    public void AddTriage_OutOfRangeValue_FailsValidationNamingTheKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Switchboard:Triage:AbstainBelow"] = "1.5" })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddTriage()
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TriageOptions>>().Value);
        Assert.Contains("AbstainBelow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTriage_ClusterIntentsFromConfiguration_ReplaceTheDefault()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Switchboard:Triage:ClusterIntents:0"] = "outage" })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddTriage()
            .BuildServiceProvider();

        Assert.Equal(["outage"], provider.GetRequiredService<IOptions<TriageOptions>>().Value.ClusterIntents);
    }
}
