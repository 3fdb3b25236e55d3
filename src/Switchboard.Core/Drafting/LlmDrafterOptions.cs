using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Drafting;

/// <summary>An OpenAI-compatible chat-completions endpoint that rewrites template drafts.</summary>
public sealed class LlmDrafterOptions
{
    /// <summary>Off by default: templates alone are used.</summary>
    public bool Enabled { get; set; }

    /// <summary>Base URL of the OpenAI-compatible API, for example <c>https://api.openai.com/v1</c> or a local server. Required when enabled.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model name. Required when enabled.</summary>
    public string? Model { get; set; }

    /// <summary>API key: a secret (user-secrets or the <c>Switchboard__Drafting__Llm__ApiKey</c> variable), never in appsettings. Required when enabled.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Per-request timeout. Default 20 seconds.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>When true (default), a rewritten draft always needs a person's approval, whatever the matrix allows.</summary>
    public bool RequireHumanApproval { get; set; } = true;
}
