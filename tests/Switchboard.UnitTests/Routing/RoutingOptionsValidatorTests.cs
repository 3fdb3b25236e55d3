using Switchboard.Core.Routing;

namespace Switchboard.UnitTests.Routing;

public sealed class RoutingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new RoutingOptionsValidator().Validate(null, new RoutingOptions()).Succeeded);

    [Fact]
    public void Validate_UnknownOwnerAndMissingIntentAndEmptyTeam_EveryErrorNamesItsKey()
    {
        var options = new RoutingOptions();
        options.Intents["billing"].Owner = "nobody";
        options.Intents.Remove("outage");
        options.Teams["comms"].Channels.Clear();

        var result = new RoutingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("Switchboard:Routing:Intents:billing:Owner 'nobody'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Switchboard:Routing:Intents:outage is missing", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Switchboard:Routing:Teams:comms:Channels", StringComparison.Ordinal));
    }
}
