using System.Text;
using System.Text.Json;
using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Jsonl;

namespace Switchboard.UnitTests.Triage.Jsonl;

public sealed class TriageJsonlRunnerTests
{
    private static readonly ITriageEngine Engine = TriageEngineFactory.Create();

    private static async Task<(List<JsonElement> Lines, string Errors, TriageRunSummary Summary)> RunAsync(byte[] input, TriageExtraFields? extra = null)
    {
        using var inStream = new MemoryStream(input);
        using var outStream = new MemoryStream();
        using var errors = new StringWriter();
        var summary = await new TriageJsonlRunner(Engine, extra).RunAsync(inStream, outStream, errors, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var lines = Encoding.UTF8.GetString(outStream.ToArray())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .ToList();
        return (lines, errors.ToString(), summary);
    }

    [Fact]
    public async Task RunAsync_ValidLines_WritesEveryFieldInOrder()
    {
        var input = """
            {"id":"a1","text":"@brand charged twice, refund please","platform":"telegram","public":true,"author":"u1","ts":"2026-11-22T09:00:00Z"}
            {"id":2,"text":"mail me at jane@example.com"}
            """u8.ToArray();

        var (lines, errors, summary) = await RunAsync(input);

        Assert.Equal("", errors);
        Assert.Equal(2, summary.Processed);
        Assert.Equal(
            ["id", "intent", "severity", "confidence", "language", "pii", "cluster", "needsHuman", "reasons"],
            lines[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("a1", lines[0].GetProperty("id").GetString());
        Assert.Equal("2", lines[1].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("cluster").ValueKind);
        var pii = lines[1].GetProperty("pii")[0];
        Assert.Equal("email", pii.GetProperty("type").GetString());
        Assert.Equal(11, pii.GetProperty("start").GetInt32());
        Assert.Equal(27, pii.GetProperty("end").GetInt32());
    }

    [Fact]
    public async Task RunAsync_MalformedLines_ReportsLineNumbersAndKeepsGoing()
    {
        var good = "{\"id\":\"ok\",\"text\":\"where is my order\"}\n"u8.ToArray();
        var input = new List<byte>();
        input.AddRange(good);                                                     // line 1
        input.AddRange("not json at all\n"u8.ToArray());                          // line 2
        input.AddRange("{\"text\":\"no id\"}\n"u8.ToArray());                     // line 3
        input.AddRange("{\"id\":\"x\",\"text\":\"bad \xff\xfe bytes\"}\n"u8.ToArray().Select(b => b).ToArray()); // line 4
        input.AddRange([.. "{\"id\":\"u\",\"text\":\"bad "u8.ToArray(), 0xC3, 0x28, .. "\"}\n"u8.ToArray()]); // line 5: invalid UTF-8
        input.AddRange("{\"id\":\"s\",\"text\":\"lone \\ud800 surrogate\"}\n"u8.ToArray()); // line 6
        input.AddRange("\n"u8.ToArray());                                         // line 7 (blank)
        input.AddRange("{\"id\":\"last\",\"text\":\"love it\"}"u8.ToArray());     // line 8, no final newline

        var (lines, errors, summary) = await RunAsync([.. input]);

        Assert.Equal(["ok", "x", "last"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Contains("line 2:", errors);
        Assert.Contains("line 3: missing \"id\"", errors);
        Assert.Contains("line 5:", errors);
        Assert.Contains("line 6:", errors);
        Assert.True(summary.Failed == 4, errors);
        Assert.Equal(3, summary.Processed);
    }

    [Fact]
    public async Task RunAsync_ExtraFields_AddedAfterStandardFields()
    {
        var input = "{\"id\":\"a\",\"text\":\"is the site down?\"}\n"u8.ToArray();

        var (lines, _, _) = await RunAsync(input, (request, result, writer) => writer.WriteString("owner", "ops-" + result.Intent));

        Assert.Equal("owner", lines[0].EnumerateObject().Last().Name);
        Assert.StartsWith("ops-", lines[0].GetProperty("owner").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ManyLines_ProcessesAllAcrossBufferBoundaries()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            sb.Append("{\"id\":\"").Append(i).Append("\",\"text\":\"message number ").Append(i).Append(" about a refund ").Append(new string('x', i % 97)).Append("\"}\n");
        }

        var (lines, errors, summary) = await RunAsync(Encoding.UTF8.GetBytes(sb.ToString()));

        Assert.Equal("", errors);
        Assert.Equal(3000, summary.Processed);
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Select(l => l.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task RunAsync_LineOverTheLimitAmongManyLines_ReportedOnceWithItsNumber()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 600; i++)
        {
            if (i == 300)
            {
                sb.Append("{\"id\":\"huge\",\"text\":\"").Append('y', TriageJsonlRunner.MaxLineBytes + 10).Append("\"}\n");
            }

            sb.Append("{\"id\":\"").Append(i).Append("\",\"text\":\"refund ").Append(i).Append("\"}\n");
        }

        var (lines, errors, summary) = await RunAsync(Encoding.UTF8.GetBytes(sb.ToString()));

        Assert.Equal($"line 301: longer than {TriageJsonlRunner.MaxLineBytes} bytes; skipped", errors.Trim());
        Assert.Equal(1, summary.Failed);
        Assert.Equal(600, summary.Processed);
        Assert.Equal("599", lines[^1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task RunAsync_OutputFails_ThrowsAndStopsReading()
    {
        var input = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"id\":\"{i}\",\"text\":\"refund {i}\"}}\n")));
        using var inStream = new MemoryStream(input);
        using var outStream = new MemoryStream([], writable: false);
        using var errors = new StringWriter();

        await Assert.ThrowsAsync<NotSupportedException>(() => new TriageJsonlRunner(Engine).RunAsync(inStream, outStream, errors, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }
}
