namespace Switchboard.IntegrationTests.Infrastructure;

/// <summary>
/// Base of tests that drive the real host through the playground: a folder and a database of their own per test,
/// the host on 127.0.0.1, and a playground client; <see cref="Settings"/> adds configuration.
/// </summary>
public abstract class PlaygroundHostTests : IAsyncLifetime
{
    protected TempFolder Folder { get; } = new();

    protected TestHost Host { get; private set; } = null!;

    protected PlaygroundClient Playground { get; private set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    public virtual async ValueTask InitializeAsync()
    {
        Host = await TestHost.StartAsync(Folder.File("switchboard.db"), Settings);
        Playground = new PlaygroundClient(Host.Http);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }
}
