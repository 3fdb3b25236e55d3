using System.ComponentModel.DataAnnotations;

namespace Switchboard.Ingest;

/// <summary>The generic signed webhook (POST /api/ingest) for sources without a dedicated connector.</summary>
public sealed class IngestOptions
{
    public const string Section = "Switchboard:Ingest";

    /// <summary>
    /// HMAC-SHA256 secret for X-Switchboard-Signature. Without it the endpoint is not served at all
    /// (fail closed). Set it through the environment (Switchboard__Ingest__SigningSecret), never in a file.
    /// </summary>
    [MinLength(16, ErrorMessage = "Switchboard:Ingest:SigningSecret must be at least 16 characters.")]
    public string? SigningSecret { get; set; }

    /// <summary>Largest accepted body. Default 64 KB.</summary>
    [Range(1024, 10_000_000)]
    public int MaxBodyBytes { get; set; } = 65_536;

    /// <summary>Replay window for X-Switchboard-Timestamp. Default 300 s.</summary>
    [Range(1, 3600)]
    public int ToleranceSeconds { get; set; } = 300;
}
