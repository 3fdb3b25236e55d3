using Microsoft.Extensions.Options;
using Switchboard.Storage.Sqlite;

namespace Switchboard.Hosting;

/// <summary>
/// The same services and configuration as the host (appsettings.json, Switchboard__ environment
/// variables), without web server or background workers, for command-line verbs that run the pipeline.
/// </summary>
internal static class CommandLineServices
{
    private sealed class CommandLineEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "switchboard";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory);
    }

    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new CommandLineEnvironment());
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        configure?.Invoke(services);
        SwitchboardHost.AddSwitchboardServices(services, configuration, runWorkers: false);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        _ = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        return provider;
    }
}
