using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Core.Enrich;
using Switchboard.Speech;
using Switchboard.Speech.Queue;

namespace Switchboard.UnitTests.Speech;

public sealed class SpeechServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSpeech_Registers_QueueAsTranscriberAndTheWorker()
    {
        var services = new ServiceCollection().AddSpeech();

        Assert.Contains(services, d => d.ServiceType == typeof(IVoiceTranscriber) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TranscriptionWorker));
    }

    [Fact]
    public void AddSpeech_ConfiguredSection_BindsEveryKey()
    {
        using var provider = Provider(new()
        {
            ["Switchboard:Speech:Whisper:ModelPath"] = "/models/ggml-base.en.bin",
            ["Switchboard:Speech:Whisper:NativeLibraryPath"] = "/opt/native",
            ["Switchboard:Speech:Threads"] = "2",
            ["Switchboard:Speech:Language"] = "de",
            ["Switchboard:Speech:MaxSeconds"] = "120",
            ["Switchboard:Speech:MaxBytes"] = "1048576",
            ["Switchboard:Speech:TimeoutSeconds"] = "30",
            ["Switchboard:Speech:QueueCapacity"] = "8",
        });

        var options = provider.GetRequiredService<IOptions<SpeechOptions>>().Value;

        Assert.Equal("/models/ggml-base.en.bin", options.Whisper.ModelPath);
        Assert.Equal("/opt/native", options.Whisper.NativeLibraryPath);
        Assert.Equal(2, options.Threads);
        Assert.Equal("de", options.Language);
        Assert.Equal(120, options.MaxSeconds);
        Assert.Equal(1048576, options.MaxBytes);
        Assert.Equal(30, options.TimeoutSeconds);
        Assert.Equal(8, options.QueueCapacity);
    }

    [Theory]
    [InlineData("Switchboard:Speech:Threads", "0")]
    [InlineData("Switchboard:Speech:Language", "English")]
    [InlineData("Switchboard:Speech:QueueCapacity", "0")]
    [InlineData("Switchboard:Speech:MaxBytes", "10")]
    public void AddSpeech_InvalidValue_FailsValidation(string key, string value)
    {
        using var provider = Provider(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SpeechOptions>>().Value);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSpeech()
            .BuildServiceProvider();
}
