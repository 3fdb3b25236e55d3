using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Switchboard.Core.Triage.Jsonl;

/// <summary>
/// `switchboard triage`: reads JSONL ({"id","text", optional "platform","public","author","ts"}), triages
/// each line and writes {"id","intent","severity","confidence","language","pii","cluster","needsHuman","reasons"}.
/// A bad line (not JSON, invalid UTF-8, missing id or text) is reported with its line number and skipped;
/// the rest is still processed. Lines are parsed straight from UTF-8 bytes (which also rejects invalid
/// UTF-8) and written with one <see cref="Utf8JsonWriter"/>, so JSON costs little next to triage itself.
/// </summary>
public sealed class TriageJsonlRunner(ITriageEngine engine, TriageExtraFields? extraFields = null)
{

    /// <summary>Longest accepted input line; longer lines are reported as errors rather than buffered without bound.</summary>
    public const int MaxLineBytes = 4 * 1024 * 1024;

    public async Task<TriageRunSummary> RunAsync(Stream input, Stream output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var clock = Stopwatch.StartNew();
        var processed = 0;
        var failed = 0;
        var lineNumber = 0;
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            SkipValidation = true,
            // Output is JSONL for tools and people, never embedded in HTML: keep accents and emoji readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        var pending = new byte[1 << 16];
        var start = 0;
        var end = 0;
        var skipping = false;
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
                        lineNumber++;
                        failed++;
                        await errors.WriteLineAsync($"line {lineNumber}: longer than {MaxLineBytes} bytes; skipped".AsMemory(), cancellationToken);
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
                var newline = Array.IndexOf(pending, (byte)'\n', start, end - start);
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
                        var error = ProcessLine(line, writer, buffer);
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
                }

                start = newline < 0 ? end : newline + 1;
            }

            if (buffer.WrittenCount > (1 << 15) || atEof)
            {
                await writer.FlushAsync(cancellationToken);
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
            }

            if (atEof)
            {
                break;
            }
        }

        await output.FlushAsync(cancellationToken);
        return new TriageRunSummary(processed, failed, clock.Elapsed);
    }

    private string? ProcessLine(ReadOnlySpan<byte> line, Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        TriageRequest request;
        try
        {
            var parsed = Parse(line);
            if (parsed.Error is not null)
            {
                return parsed.Error;
            }

            request = parsed.Request!;
        }
        catch (JsonException e)
        {
            return $"not valid JSON ({Short(e.Message)})";
        }
        catch (InvalidOperationException e)
        {
            return $"not valid JSON or not valid UTF-8 ({Short(e.Message)})";
        }
        catch (ArgumentOutOfRangeException)
        {
            return "\"ts\" is out of range";
        }

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
}
