using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Ingest;

namespace Switchboard.Ingest;

/// <summary>
/// POST /api/ingest: verify the signature, store the message durably (group-committed), acknowledge.
/// The pipeline runs afterwards, off the request path.
/// </summary>
public static class SignedIngestEndpoints
{
    public const string ConnectorName = "webhook";

    public static IEndpointRouteBuilder MapSignedIngest(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<IngestOptions>>().Value;
        if (!string.IsNullOrEmpty(options.SigningSecret))
        {
            endpoints.MapPost("/api/ingest", IngestAsync);
        }

        return endpoints;
    }

    private static async Task<Results<Ok<IngestResult>, ProblemHttpResult, UnauthorizedHttpResult>> IngestAsync(
        HttpRequest request,
        IInboundSink sink,
        IOptions<IngestOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var config = options.Value;
        var body = await ReadBodyAsync(request.BodyReader, config.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem($"The body is larger than {config.MaxBodyBytes} bytes.", statusCode: 413);
        }

        var now = time.GetUtcNow();
        if (!IngestSignature.Verify(config.SigningSecret!, request.Headers["X-Switchboard-Timestamp"], request.Headers["X-Switchboard-Signature"], body, now, config.ToleranceSeconds))
        {
            return TypedResults.Unauthorized();
        }

        IngestRequest? message;
        try
        {
            message = JsonSerializer.Deserialize(body, IngestJsonContext.Default.IngestRequest);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem($"The body is not valid JSON: {ex.Message}", statusCode: 400);
        }

        if (message is null || string.IsNullOrWhiteSpace(message.Platform) || string.IsNullOrWhiteSpace(message.MessageId)
            || string.IsNullOrWhiteSpace(message.AuthorId) || message.Text is null)
        {
            return TypedResults.Problem("platform, messageId, authorId and text are required.", statusCode: 400);
        }

        var channel = message.ChannelId ?? "default";
        var result = await sink.IngestAsync(
            new InboundMessage(
                ConnectorName,
                message.Platform,
                message.MessageId,
                channel,
                message.ConversationId ?? channel,
                message.ThreadId,
                message.AuthorId,
                message.AuthorHandle,
                message.Text,
                message.IsPublic ?? true,
                [],
                message.SentAt ?? now,
                now,
                null,
                message.AuthorFollowers),
            cancellationToken);
        return TypedResults.Ok(result);
    }

    /// <summary>Reads the raw body (the signature covers the exact bytes); null when it is over the limit.</summary>
    internal static async Task<byte[]?> ReadBodyAsync(PipeReader reader, int maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            if (read.Buffer.Length > maxBytes)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var bytes = read.Buffer.ToArray();
                reader.AdvanceTo(read.Buffer.End);
                return bytes;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }
}
