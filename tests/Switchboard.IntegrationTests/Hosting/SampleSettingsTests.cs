using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Core.Routing;
using Switchboard.Hosting;
using Switchboard.IntegrationTests.Infrastructure;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Hosting;

/// <summary>appsettings.sample.json documents every key, and what it documents is valid.</summary>
public sealed class SampleSettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string SamplePath => RepoPaths.InRepo("appsettings.sample.json");

    public static TheoryData<string> OptionsTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in OptionsTypeList())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    private static IEnumerable<Type> OptionsTypeList() =>
        new[] { typeof(SwitchboardHost).Assembly, typeof(RoutingOptions).Assembly, typeof(Switchboard.Storage.Sqlite.StorageOptions).Assembly, typeof(Switchboard.Connectors.Playground.PlaygroundOptions).Assembly, typeof(Switchboard.Core.Governance.GovernanceOptions).Assembly, typeof(Switchboard.Speech.SpeechAssemblyMarker).Assembly }
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true });

    [Theory]
    [MemberData(nameof(OptionsTypes))]
    public void Sample_EveryOptionsProperty_IsDocumented(string typeName)
    {
        var type = OptionsTypeList().Single(t => t.FullName == typeName);
        var text = File.ReadAllText(SamplePath);
        var section = (string)type.GetField("Section")!.GetValue(null)!;
        Assert.Contains($"\"{section.Split(':')[^1]}\"", text, StringComparison.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Assert.True(text.Contains($"\"{property.Name}\"", StringComparison.Ordinal), $"appsettings.sample.json does not document {section}:{property.Name}.");
        }
    }

    [Fact]
    public void Sample_LoadedAsConfiguration_PassesValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(SamplePath)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Switchboard:Storage:SqlitePath"] = _folder.File("sample.db") })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production", ApplicationName = "switchboard" });
        SwitchboardHost.AddSwitchboardServices(services, configuration, runWorkers: false);
        using var provider = services.BuildServiceProvider();

        foreach (var type in OptionsTypeList())
        {
            var accessor = typeof(IOptions<>).MakeGenericType(type);
            var value = accessor.GetProperty("Value")!.GetValue(provider.GetRequiredService(accessor));
            Assert.NotNull(value);
        }

        Assert.Equal(11, provider.GetRequiredService<RoutingConfiguration>().Matrix.Intents.Count);
    }
}
