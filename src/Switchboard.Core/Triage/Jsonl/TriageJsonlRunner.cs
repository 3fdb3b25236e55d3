using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;

namespace Switchboard.Core.Triage.Jsonl;

/// <summary>
/// `switchboard triage`: reads JSONL ({"id","text", optional "platform","public","author","ts"}), triages
/// each line and writes {"id","intent","severity","confidence","language","pii","cluster","needsHuman","reasons"}.
/// A bad line (not JSON, invalid UTF-8, missing id or text) is reported with its line number and skipped;
/// the rest is still processed. Lines are parsed straight from UTF-8 bytes (which also rejects invalid
/// UTF-8) and written with one <see cref="Utf8JsonWriter"/>, so JSON costs little next to triage itself.
/// Reading and parsing run on one thread and triage and writing on another, so on two cores the run takes
/// about as long as triage alone.
/// </summary>
public sealed class TriageJsonlRunner(ITriageEngine engine, TriageExtraFields? extraFields = null)
{

    /// <summary>Longest accepted input line; longer lines are reported as errors rather than buffered without bound.</summary>
    public const int MaxLineBytes = 4 * 1024 * 1024;

    /// <summary>Lines handed from the reading stage to the triage stage at a time.</summary>
    private const int BatchSize = 256;

    public async Task<TriageRunSummary> RunAsync(Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var clock = Stopwatch.StartNew();
        // Two stages on two threads: reading and parsing on one, triage and writing on the other, with a few
        // batches between them (bounded, so a fast reader cannot run ahead through a huge file). Batches go
        // back to the reader once written, so a run allocates a handful of them, not one per line.
        var full = Channel.CreateBounded<Batch>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var empty = Channel.CreateUnbounded<Batch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => ReadAsync(input, full.Writer, empty.Reader, stop.Token), stop.Token);
        try
        {
            var (processed, failed) = await WriteAsync(full.Reader, empty.Writer, output, errors, cancellationToken);
            await reading;
            return new TriageRunSummary(processed, failed, clock.Elapsed);
        }
        finally
        {
            // On failure, stop the reader and observe it; its own exception, if any, is secondary.
            await stop.CancelAsync();
            await reading.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task<(int Processed, int Failed)> WriteAsync(ChannelReader<Batch> full, ChannelWriter<Batch> empty, Stream output, TextWriter errors, CancellationToken cancellationToken)
    {
        var processed = 0;
        var failed = 0;
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            SkipValidation = true,
            // Output is JSONL for tools and people, never embedded in HTML: keep accents and emoji readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        await foreach (var batch in full.ReadAllAsync(cancellationToken))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var (lineNumber, request, error) = batch.Items[i];
                error ??= TriageLine(request!, writer, buffer);
                if (error is null)
                {
                    processed++;
                }
                else
                {
                    failed++;
                    await errors.WriteLineAsync($"line {lineNumber}: {error}".AsMemory(), cancellationToken);
                }
            }

            batch.Clear();
            empty.TryWrite(batch);
            if (buffer.WrittenCount > (1 << 15))
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
            }
        }

        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return (processed, failed);
    }

    private static async Task ReadAsync(Stream input, ChannelWriter<Batch> full, ChannelReader<Batch> empty, CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        var batch = new Batch();
        var pending = new byte[1 << 16];
        var start = 0;
        var end = 0;
        var skipping = false;
        try
        {
            while (true)
            {
                if (end == pending.Length)
                {
                    if (start > 0)
                    {
                        Array.Copy(pending, start, pending, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    else if (pending.Length < MaxLineBytes)
                    {
                        Array.Resize(ref pending, Math.Min(pending.Length * 2, MaxLineBytes));
                    }
                    else
                    {
                        // A line longer than the limit: report it once and drop bytes until its end.
                        if (!skipping)
                        {
                            batch.Add(++lineNumber, null, $"longer than {MaxLineBytes} bytes; skipped");
                            skipping = true;
                        }

                        start = end = 0;
                    }
                }

                var read = await input.ReadAsync(pending.AsMemory(end), cancellationToken);
                var atEof = read == 0;
                end += read;
                while (start < end)
                {
                    var newline = pending.AsSpan(start, end - start).IndexOf((byte)'\n');
                    newline = newline < 0 ? -1 : newline + start;
                    if (newline < 0 && !atEof)
                    {
                        break;
                    }

                    var lineEnd = newline < 0 ? end : newline;
                    if (skipping)
                    {
                        skipping = newline < 0;
                    }
                    else
                    {
                        lineNumber++;
                        var line = pending.AsSpan(start, lineEnd - start);
                        if (!line.IsEmpty && line[^1] == '\r')
                        {
                            line = line[..^1];
                        }

                        if (!IsBlank(line))
                        {
                            var (request, error) = ParseLine(line);
                            batch.Add(lineNumber, request, error);
                        }
                    }

                    start = newline < 0 ? end : newline + 1;
                    if (batch.Count >= BatchSize)
                    {
                        await full.WriteAsync(batch, cancellationToken);
                        batch = empty.TryRead(out var reused) ? reused : new Batch();
                    }
                }

                if (atEof)
                {
                    break;
                }
            }

            if (batch.Count > 0)
            {
                await full.WriteAsync(batch, cancellationToken);
            }

            full.TryComplete();
        }
        catch (Exception e)
        {
            full.TryComplete(e);
            throw;
        }
    }

    private static (TriageRequest? Request, string? Error) ParseLine(ReadOnlySpan<byte> line)
    {
        try
        {
            return Parse(line);
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON ({Short(e.Message)})");
        }
        catch (InvalidOperationException e)
        {
            return (null, $"not valid JSON or not valid UTF-8 ({Short(e.Message)})");
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, "\"ts\" is out of range");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? TriageLine(TriageRequest request, Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        TriageResult result;
        try
        {
            result = engine.Triage(request);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            return $"triage failed ({e.GetType().Name})";
        }

        writer.WriteStartObject();
        writer.WriteString("id"u8, request.Id);
        writer.WriteString("intent"u8, result.Intent);
        writer.WriteString("severity"u8, result.Severity);
        writer.WriteNumber("confidence"u8, Math.Round(result.Confidence, 4));
        writer.WriteString("language"u8, result.Language);
        writer.WriteStartArray("pii"u8);
        foreach (var span in result.Pii)
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, span.Type);
            writer.WriteNumber("start"u8, span.Start);
            writer.WriteNumber("end"u8, span.End);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (result.ClusterId is null)
        {
            writer.WriteNull("cluster"u8);
        }
        else
        {
            writer.WriteString("cluster"u8, result.ClusterId);
        }

        writer.WriteBoolean("needsHuman"u8, result.NeedsHuman);
        writer.WriteStartArray("reasons"u8);
        foreach (var reason in result.Reasons)
        {
            writer.WriteStringValue(reason);
        }

        writer.WriteEndArray();
        extraFields?.Invoke(request, result, writer);
        writer.WriteEndObject();
        writer.Flush();
        writer.Reset();
        buffer.Write("\n"u8);
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (TriageRequest? Request, string? Error) Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return (null, "expected a JSON object");
        }

        string? id = null, text = null, platform = null, author = null;
        bool? isPublic = null;
        DateTimeOffset? timestamp = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return (null, "expected a property name");
            }

            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                    _ => null,
                };
            }
            else if (reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (reader.TokenType != JsonTokenType.String)
                {
                    return (null, "\"text\" must be a string");
                }
            }
            else if (reader.ValueTextEquals("platform"u8))
            {
                reader.Read();
                platform = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("author"u8))
            {
                reader.Read();
                author = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("public"u8))
            {
                reader.Read();
                isPublic = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => null,
                };
            }
            else if (reader.ValueTextEquals("ts"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    if (!DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var ts))
                    {
                        return (null, "\"ts\" is not an ISO 8601 time");
                    }

                    timestamp = ts;
                }
                else if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var unix))
                {
                    // Seconds or milliseconds since the epoch, told apart by size.
                    timestamp = unix > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return (null, "unterminated JSON object");
        }

        if (string.IsNullOrEmpty(id))
        {
            return (null, "missing \"id\"");
        }

        if (text is null)
        {
            return (null, "missing \"text\"");
        }

        return (new TriageRequest(id, text, platform, isPublic, author, timestamp), null);
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Short(string message) => message.Length <= 160 ? message : message[..160];

    /// <summary>Parsed lines on their way from the reading stage to the triage stage.</summary>
    private sealed class Batch
    {
        // Room for one more than a full batch: an over-long line's error can be added before the full check.
        public (int LineNumber, TriageRequest? Request, string? Error)[] Items { get; } = new (int, TriageRequest?, string?)[BatchSize + 1];

        public int Count { get; private set; }

        public void Add(int lineNumber, TriageRequest? request, string? error) => Items[Count++] = (lineNumber, request, error);

        public void Clear()
        {
            Array.Clear(Items, 0, Count);
            Count = 0;
        }
    }
}
