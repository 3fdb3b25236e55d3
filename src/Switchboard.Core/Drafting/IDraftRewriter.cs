namespace Switchboard.Core.Drafting;

/// <summary>An optional model that rewrites a template draft (an outbound HTTP seam, so tests use a fake endpoint).</summary>
public interface IDraftRewriter
{
    /// <summary>The model version written to the audit log.</summary>
    string Model { get; }

    /// <summary>The rewritten text, or null when the model gave nothing usable. Failures throw; the caller falls back to the template.</summary>
    Task<string?> RewriteAsync(DraftRewriteRequest request, CancellationToken cancellationToken);
}
