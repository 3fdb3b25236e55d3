namespace Switchboard.Core.Pipeline;

/// <summary>The rest of the pipeline after a step.</summary>
public delegate Task PipelineNext(CancellationToken cancellationToken);

/// <summary>
/// One stage of the message pipeline. A step does its work and calls <c>next</c> to continue, or returns
/// without calling it to stop the message there (for example while a voice note is being transcribed).
/// </summary>
public interface IPipelineStep
{
    string Name { get; }

    Task InvokeAsync(PipelineContext context, PipelineNext next, CancellationToken cancellationToken);
}
