using Microsoft.Extensions.Options;
using Switchboard.Core.Drafting;
using Switchboard.Core.Governance;
using Switchboard.Core.Handoff;
using Switchboard.Core.Routing;
using Switchboard.Tests;

namespace Switchboard.UnitTests.Routing;

public sealed class ConfigFilePathTests
{
    [Fact]
    public void Resolve_RelativePath_IsUnderTheContentRoot()
    {
        Assert.Equal(RepoPaths.InRepo("config", "teams.yaml"), ConfigFilePath.Resolve("config/teams.yaml", RepoPaths.Root));
    }

    [Fact]
    public void Resolve_AbsolutePath_IsKept()
    {
        Assert.Equal("/etc/switchboard/matrix.yaml", ConfigFilePath.Resolve("/etc/switchboard/matrix.yaml", RepoPaths.Root));
    }

    [Theory]
    [InlineData(typeof(RoutingOptions))]
    [InlineData(typeof(DraftingOptions))]
    [InlineData(typeof(GovernanceOptions))]
    [InlineData(typeof(ZendeskOptions))]
    public void OptionsType_HasASectionAndAValidator(Type options)
    {
        var section = options.GetField("Section")?.GetRawConstantValue() as string;
        var validator = typeof(IValidateOptions<>).MakeGenericType(options);

        Assert.StartsWith("Switchboard:", section, StringComparison.Ordinal);
        Assert.Contains(typeof(Router).Assembly.GetTypes(), t => validator.IsAssignableFrom(t));
    }
}
