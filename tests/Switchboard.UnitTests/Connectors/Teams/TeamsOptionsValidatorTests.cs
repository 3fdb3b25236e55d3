using Switchboard.Connectors.Teams;

namespace Switchboard.UnitTests.Connectors.Teams;

public sealed class TeamsOptionsValidatorTests
{
    private readonly TeamsOptionsValidator _validator = new();

    [Fact]
    public void Validate_EnabledWithoutAppId_FailsNamingIt()
    {
        var result = _validator.Validate(null, new TeamsOptions { Enabled = true });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("AppId", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("AppPassword", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DevelopmentModeWithAppId_Fails()
    {
        var result = _validator.Validate(null, new TeamsOptions { Enabled = true, AppId = "app", AppPassword = "p", DevelopmentModeWithoutAuth = true });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("DevelopmentModeWithoutAuth", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DevelopmentModeWithoutAppId_Succeeds()
    {
        Assert.True(_validator.Validate(null, new TeamsOptions { Enabled = true, DevelopmentModeWithoutAuth = true }).Succeeded);
    }

    [Fact]
    public void Validate_AppIdAndPassword_Succeeds()
    {
        Assert.True(_validator.Validate(null, new TeamsOptions { Enabled = true, AppId = "app", AppPassword = "p" }).Succeeded);
    }

    [Theory]
    [InlineData("http://login.example.com/openid")]
    [InlineData("not a url")]
    public void Validate_MetadataNotHttpsNorLoopback_Fails(string url)
    {
        var result = _validator.Validate(null, new TeamsOptions { Enabled = true, AppId = "app", AppPassword = "p", OpenIdMetadataUrl = url });

        Assert.Contains(result.Failures!, f => f.Contains("OpenIdMetadataUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_MetadataOnLoopbackHttp_Succeeds()
    {
        Assert.True(_validator.Validate(null, new TeamsOptions { Enabled = true, AppId = "app", AppPassword = "p", OpenIdMetadataUrl = "http://127.0.0.1:5000/openid" }).Succeeded);
    }

    [Fact]
    public void Validate_Disabled_SucceedsWhateverElse()
    {
        Assert.True(_validator.Validate(null, new TeamsOptions { OpenIdMetadataUrl = "nope" }).Succeeded);
    }
}
