using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.UnitTests.Review.Moderation;

public sealed class ModerationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddModeration_NoSettings_DefaultWarningAndAnHour()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<ModerationOptions>>().Value;

        Assert.Equal(60, options.RestrictMinutes);
        Assert.Contains("never asks for passwords", options.WarningText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RestrictMinutes", "0", "RestrictMinutes")]
    [InlineData("RestrictMinutes", "40321", "RestrictMinutes")]
    [InlineData("WarningText", "   ", "WarningText")]
    public void AddModeration_OutOfRange_FailsValidationNamingTheKey(string key, string value, string named)
    {
        using var provider = Build(new() { [$"{ModerationOptions.Section}:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ModerationOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddModeration_ReportPhrasesSet_ReplaceTheDefaults()
    {
        using var provider = Build(new() { [$"{ModerationOptions.Section}:ReportPhrases:0"] = "signalé" });

        var options = provider.GetRequiredService<IOptions<ModerationOptions>>().Value;

        Assert.Equal(["signalé"], options.EffectiveReportPhrases);
        Assert.True(provider.GetRequiredService<MemberReportDetector>().IsReport("Signalé"));
    }

    [Fact]
    public void AddModeration_NoReportPhrases_Defaults()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<ModerationOptions>>().Value;

        Assert.Same(ModerationOptions.DefaultReportPhrases, options.EffectiveReportPhrases);
        Assert.Contains("@admin", options.EffectiveReportPhrases);
    }

    [Fact]
    public void AddModeration_BlankAndOverlongReportPhrases_FailsNamingEach()
    {
        using var provider = Build(new()
        {
            [$"{ModerationOptions.Section}:ReportPhrases:0"] = "reported",
            [$"{ModerationOptions.Section}:ReportPhrases:1"] = " ",
            [$"{ModerationOptions.Section}:ReportPhrases:2"] = new string('x', 101),
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ModerationOptions>>().Value);

        Assert.Contains("ReportPhrases:1", error.Message, StringComparison.Ordinal);
        Assert.Contains("ReportPhrases:2", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddModeration();
        return services.BuildServiceProvider();
    }
}
