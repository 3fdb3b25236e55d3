using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Switchboard.Core.Drafting;
using Switchboard.Core.Routing;
using Switchboard.Core.Triage;
using Switchboard.IntegrationTests.Handoff;
using Switchboard.Tests;

namespace Switchboard.IntegrationTests.Drafting;

public sealed class OpenAiDraftRewriterTests : IAsyncLifetime
{
    private const string CustomerText = "you charged me twice, email me at dana.k@example.org or call +44 7700 900123";
    private const string Breadcrumb = "We sent you a DM so we can help.";

    private LoopbackFakeServer _server = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackFakeServer.StartAsync(TestContext.Current.CancellationToken);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ComposeAsync_CleanRewrite_IsUsedAndNeedsApproval()
    {
        Answer("So sorry about the double charge! Please keep payment details out of this thread. We sent you a DM so we can help.");

        var drafts = await ComposeAsync(Intents.Billing, "x");

        Assert.Equal("So sorry about the double charge! Please keep payment details out of this thread. We sent you a DM so we can help.", drafts.Public!.Text);
        Assert.Equal("fake-model", drafts.Public.RewrittenBy);
        Assert.True(drafts.NeedsHuman);
        Assert.Contains("rewritten by fake-model: a person approves model text", drafts.Notes);
        var request = _server.Requests.First();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.PathAndQuery);
        Assert.Equal("Bearer test-key", request.Authorization);
        // The model never sees the customer's personal data.
        Assert.DoesNotContain("dana.k@example.org", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("7700 900123", request.Body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("fake-model", json.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public async Task ComposeAsync_RewriteWithCustomerEmail_IsRejected()
    {
        Answer("Sorry! We emailed dana.k@example.org with the details. We sent you a DM so we can help.");

        var drafts = await ComposeAsync(Intents.Billing, "x");

        Assert.Null(drafts.Public!.RewrittenBy);
        Assert.DoesNotContain("dana.k@example.org", drafts.Public.Text, StringComparison.Ordinal);
        Assert.Contains(drafts.Notes, n => n.StartsWith("the model rewrite was rejected (personal data in a public reply)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComposeAsync_RewriteWithAForeignLink_IsRejected()
    {
        Answer("Sorry! Get your refund at https://evil.example.net/refund now. We sent you a DM so we can help.");

        var drafts = await ComposeAsync(Intents.Billing, "x");

        Assert.Null(drafts.Public!.RewrittenBy);
        Assert.Contains(drafts.Notes, n => n.Contains("a link outside the link library", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ComposeAsync_RewriteWithoutBreadcrumb_GetsItBack()
    {
        Answer("Really sorry about the double charge, let's fix it.");

        var drafts = await ComposeAsync(Intents.Billing, "x");

        Assert.Equal("Really sorry about the double charge, let's fix it. " + Breadcrumb, drafts.Public!.Text);
    }

    [Fact]
    public async Task ComposeAsync_LongRewrite_IsTrimmedKeepingTheBreadcrumb()
    {
        Answer(string.Concat(Enumerable.Repeat("We are truly sorry about this charge. ", 30)) + Breadcrumb);

        var drafts = await ComposeAsync(Intents.Billing, "x");

        Assert.True(drafts.Public!.Text.Length <= 280);
        Assert.EndsWith(Breadcrumb, drafts.Public.Text, StringComparison.Ordinal);
        Assert.True(drafts.Public.Trimmed);
    }

    [Fact]
    public async Task ComposeAsync_EndpointFails_KeepsTheTemplate()
    {
        _server.Handler = context => LoopbackFakeServer.JsonAsync(context, StatusCodes.Status500InternalServerError, """{"error":{"message":"boom"}}""");

        var drafts = await ComposeAsync(Intents.Billing, "x");

        Assert.Null(drafts.Public!.RewrittenBy);
        Assert.StartsWith("Sorry about the trouble with this charge.", drafts.Public.Text, StringComparison.Ordinal);
        Assert.Contains("the model rewrite failed: the template draft is kept", drafts.Notes);
    }

    [Fact]
    public async Task ComposeAsync_LlmDisabled_NeverCallsTheEndpoint()
    {
        Answer("should not be used");

        var drafts = await ComposeAsync(Intents.Billing, "x", enabled: false);

        Assert.Empty(_server.Requests);
        Assert.Null(drafts.Public!.RewrittenBy);
    }

    private void Answer(string content)
    {
        var completion = JsonSerializer.Serialize(new
        {
            id = "chatcmpl-1",
            @object = "chat.completion",
            created = 1_763_467_200,
            model = "fake-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        });
        _server.Handler = context => LoopbackFakeServer.JsonAsync(context, StatusCodes.Status200OK, completion);
    }

    private async Task<DraftSet> ComposeAsync(string intent, string platform, bool enabled = true)
    {
        var options = Options.Create(new DraftingOptions
        {
            Llm = new LlmDrafterOptions
            {
                Enabled = enabled,
                Endpoint = new Uri(_server.BaseUrl, "v1"),
                Model = "fake-model",
                ApiKey = "test-key",
                TimeoutSeconds = 10,
            },
        });
        var (templates, links) = DraftingConfigLoader.LoadFiles(RepoPaths.InRepo("config", "reply-templates.yaml"), RepoPaths.InRepo("config", "link-library.yaml"));
        var drafter = new ReplyDrafter(templates, links, new RegexPersonalDataScanner(), options, NullLogger<ReplyDrafter>.Instance, new OpenAiDraftRewriter(_http, options));
        var routing = RoutingConfigLoader.LoadFiles(RepoPaths.InRepo("config", "escalation-matrix.yaml"), RepoPaths.InRepo("config", "teams.yaml"));
        var decision = new Router(routing).Route(
            new TriageResult(intent, Severities.Normal, 0.9, "en", [], null, 0, false, [], "test"),
            new RoutingFacts(platform, true, new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero)));
        var request = new DraftRequest(decision, platform, true, CustomerText, []);
        return await drafter.ComposeAsync(request, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
