using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Handoff;

/// <summary>The Zendesk handoff. Secrets (<see cref="Email"/> is not one, <see cref="ApiToken"/> is) come from user-secrets or environment variables.</summary>
public sealed class ZendeskOptions
{
    public const string Section = "Switchboard:Handoff:Zendesk";

    /// <summary>Off by default; when on, every field below is required (startup fails otherwise).</summary>
    public bool Enabled { get; set; }

    /// <summary>The account URL, for example <c>https://acme.zendesk.com</c>. https only (http is accepted for loopback tests).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The agent email the API token belongs to.</summary>
    public string? Email { get; set; }

    /// <summary>The API token (<c>Switchboard__Handoff__Zendesk__ApiToken</c>). Never logged.</summary>
    public string? ApiToken { get; set; }

    /// <summary>Per-request timeout. Default 15 seconds.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Tags added to every ticket. Default <c>switchboard</c>.</summary>
    public List<string> Tags { get; set; } = ["switchboard"];
}
