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

    [Theory]
    [InlineData("http://login.example.com/common/v2.0/.well-known/openid-configuration")]
    [InlineData("")]
    public void Validate_EntraMetadataNotHttpsWithEntraTokens_Fails(string url)
    {
        var result = _validator.Validate(null, new TeamsOptions { Enabled = true, AppId = "app", AppPassword = "p", EntraOpenIdMetadataUrl = url });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("EntraOpenIdMetadataUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EntraMetadataUnusedWithoutEntraTokens_Succeeds()
    {
        var options = new TeamsOptions { Enabled = true, AppId = "app", AppPassword = "p", AcceptEntraTokens = false, EntraOpenIdMetadataUrl = "not a url" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_EntraMetadataOnLoopbackHttp_Succeeds()
    {
        var options = new TeamsOptions { Enabled = true, AppId = "app", AppPassword = "p", EntraOpenIdMetadataUrl = "http://127.0.0.1:5000/common/v2.0/.well-known/openid-configuration" };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", null)]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0", null)]
    [InlineData("https://login.microsoftonline.com/3e1a7c55-9b0d-4f6e-8a21-6d4c2b9f0e77/v2.0", "3e1a7c55-9b0d-4f6e-8a21-6d4c2b9f0e77")]
    public void Validate_EntraIssuerListedAsChannelIssuer_Fails(string issuer, string? tenant)
    {
        var options = new TeamsOptions { Enabled = true, AppId = "app", AppPassword = "p", TenantId = tenant, ValidIssuers = ["https://api.botframework.com", issuer] };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("AcceptEntraTokens", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Disabled_SucceedsWhateverElse()
    {
        Assert.True(_validator.Validate(null, new TeamsOptions { OpenIdMetadataUrl = "nope" }).Succeeded);
    }
}
