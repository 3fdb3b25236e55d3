using Switchboard.IntegrationTests.Infrastructure;

namespace Switchboard.IntegrationTests.Analytics;

/// <summary>One replay of the launch-day sample shared by the tests of a class that only read it.</summary>
public sealed class LaunchDayDatabase : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public string Path => _folder.File("launch-day.db");

    public async ValueTask InitializeAsync() => await LaunchDay.ReplayAsync(Path);

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
