namespace Switchboard.Core.Pipeline;

/// <summary>How the pipeline worker runs.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Switchboard:Pipeline";

    /// <summary>
    /// Run the background pipeline worker (default true). Benchmarks of the front door turn it off so only
    /// verify → store → acknowledge is measured; stored messages are processed at the next start.
    /// </summary>
    public bool WorkerEnabled { get; set; } = true;
}
