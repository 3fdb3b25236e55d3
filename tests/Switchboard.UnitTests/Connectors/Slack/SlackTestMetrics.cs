using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Connectors.Slack;

namespace Switchboard.UnitTests.Connectors.Slack;

/// <summary>A real <see cref="SlackMetrics"/> over the default meter factory, for tests that build services by hand.</summary>
internal static class SlackTestMetrics
{
    private static readonly IMeterFactory Factory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static SlackMetrics Create() => new(Factory);
}
