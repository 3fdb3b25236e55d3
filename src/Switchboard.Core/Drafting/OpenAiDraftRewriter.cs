using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace Switchboard.Core.Drafting;

/// <summary>
/// Rewrites a template draft through an OpenAI-compatible chat-completions endpoint (typed HttpClient, so tests
/// point it at a loopback fake). The model only ever sees the draft and the customer's text with personal data
/// removed; its answer is checked by <see cref="ReplyDrafter"/> before use.
/// </summary>
public sealed class OpenAiDraftRewriter : IDraftRewriter
{
    private readonly ChatClient _client;

    public OpenAiDraftRewriter(HttpClient httpClient, IOptions<DraftingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var llm = options.Value.Llm;
        Model = llm.Model ?? throw new InvalidOperationException("Switchboard:Drafting:Llm:Model is required when the LLM drafter is enabled.");
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = llm.Endpoint ?? throw new InvalidOperationException("Switchboard:Drafting:Llm:Endpoint is required when the LLM drafter is enabled."),
            Transport = new HttpClientPipelineTransport(httpClient),
            NetworkTimeout = TimeSpan.FromSeconds(llm.TimeoutSeconds),
            // One retry at most: the drafter falls back to the template rather than keep a reviewer waiting.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 1),
        };
        _client = new ChatClient(Model, new ApiKeyCredential(llm.ApiKey ?? string.Empty), clientOptions);
    }

    public string Model { get; }

    public async Task<string?> RewriteAsync(DraftRewriteRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var system = string.Join(
            "\n",
            "You rewrite customer-service reply drafts for a brand's social media team.",
            "Keep the meaning, the next step and every link exactly as given; add no new links, promises, prices or dates.",
            "Never include personal data (names, emails, phone numbers, order or card numbers).",
            request.IsPublic ? "This reply is public." : "This reply is a private message.",
            request.Breadcrumb is { } crumb ? $"Keep this sentence word for word: \"{crumb}\"" : string.Empty,
            $"Stay under {request.MaxLength} characters. Answer with the reply text only.");
        var user = $"Intent: {request.Intent}\nCustomer wrote (personal data removed): {request.RedactedCustomerText}\nDraft:\n{request.Draft}";
        ChatMessage[] messages = [new SystemChatMessage(system), new UserChatMessage(user)];
        var completion = await _client.CompleteChatAsync(messages, new ChatCompletionOptions(), cancellationToken);
        var text = string.Concat(completion.Value.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
