using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Switchboard.LoadTest;

/// <summary>
/// Front-door benchmark: loads the signed HTTP ingest path (verify → durable store → acknowledge) and,
/// interleaved in the same run, a bare endpoint of the same host that only reads the body and returns 200.
/// Prints requests/s, p50/p99 latency and server CPU per request for each, and the ratio ingest ÷ bare.
/// Usage: dotnet run -c Release --project bench/Switchboard.LoadTest -- [--seconds 10] [--connections 50] [--rounds 3] [--server path/to/switchboard.dll]
/// </summary>
internal static class Program
{
    private const string Secret = "bench-signing-secret-0123456789";

    public static async Task<int> Main(string[] args)
    {
        var seconds = IntArg(args, "--seconds", 10);
        var connections = IntArg(args, "--connections", 50);
        var rounds = IntArg(args, "--rounds", 3);
        var server = StringArg(args, "--server") ?? FindServer();
        if (server is null || !File.Exists(server))
        {
            await Console.Error.WriteLineAsync("Build the server first: dotnet build -c Release src/Switchboard (or pass --server path/to/switchboard.dll).");
            return 2;
        }

        var port = FreePort();
        var dbFolder = Path.Combine(Path.GetTempPath(), "switchboard-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dbFolder);
        using var process = StartServer(server, port, Path.Combine(dbFolder, "bench.db"));
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
            using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitHealthyAsync(http);
            Console.WriteLine($"server: {Path.GetFileName(server)} pid {process.Id}, {Environment.ProcessorCount} cores; load: {connections} connections, {seconds} s per run, {rounds} rounds, ~1 KB JSON POST");
            Console.WriteLine("warm-up …");
            await RunAsync(http, "/bench/raw", connections, 3, process.Id);
            await RunAsync(http, "/api/ingest", connections, 3, process.Id);

            Console.WriteLine();
            Console.WriteLine("round  endpoint      req/s     p50 ms   p99 ms   server CPU µs/req   errors");
            var ratios = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                var bare = await RunAsync(http, "/bench/raw", connections, seconds, process.Id);
                Print(round, "bare", bare);
                var ingest = await RunAsync(http, "/api/ingest", connections, seconds, process.Id);
                Print(round, "ingest", ingest);
                ratios.Add(ingest.RequestsPerSecond / bare.RequestsPerSecond);
            }

            ratios.Sort();
            Console.WriteLine();
            Console.WriteLine($"ingest ÷ bare requests/s per round: {string.Join("  ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}   median {ratios[ratios.Count / 2].ToString("0.00", CultureInfo.InvariantCulture)} (target ≥ 0.25)");
            return 0;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(dbFolder, recursive: true);
        }
    }

    private static void Print(int round, string name, RunResult r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{round,5}  {name,-10} {r.RequestsPerSecond,8:0}   {r.P50Ms,7:0.00}  {r.P99Ms,7:0.00}   {r.ServerCpuMicrosPerRequest,17:0.0}   {r.Errors,6}"));

    private static async Task<RunResult> RunAsync(HttpClient http, string path, int connections, int seconds, int serverPid)
    {
        var stop = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        var cpuBefore = ServerCpuSeconds(serverPid);
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var latencies = new List<double>(100_000);
            var errors = 0;
            var n = 0;
            while (stop.Elapsed < duration)
            {
                using var request = BuildRequest(path, w, n++);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.LoadIntoBufferAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        errors++;
                    }
                }
                catch (HttpRequestException)
                {
                    errors++;
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return (latencies, errors);
        })).ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = stop.Elapsed.TotalSeconds;
        var cpu = ServerCpuSeconds(serverPid) - cpuBefore;
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        return new RunResult(
            all.Length / elapsed,
            Percentile(all, 0.50),
            Percentile(all, 0.99),
            all.Length == 0 ? 0 : cpu * 1_000_000 / all.Length,
            results.Sum(r => r.errors));
    }

    private static HttpRequestMessage BuildRequest(string path, int worker, int n)
    {
        var id = $"bench-{worker}-{n}-{Guid.NewGuid():N}";
        var padding = new string('x', 760);
        var body = $$"""{"platform":"telegram","messageId":"{{id}}","channelId":"tg-community","conversationId":"tg-community","authorId":"u{{worker}}","authorHandle":"@user{{worker}}","text":"My order still has not arrived, tracking says delivered. {{padding}}","isPublic":true}""";
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var ts = (UnixNowMs() / 1000).ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(ts + ".").Concat(bytes).ToArray();
        request.Headers.Add("X-Switchboard-Timestamp", ts);
        request.Headers.Add("X-Switchboard-Signature", "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed)));
        return request;
    }

    private static long UnixNowMs() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    /// <summary>User + system CPU of the server process, from /proc (Linux).</summary>
    private static double ServerCpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks / 100.0;
    }

    private static Process StartServer(string dll, int port, string db)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
        {
            dll, "serve", $"--urls=http://127.0.0.1:{port}", $"--Switchboard:Storage:SqlitePath={db}",
            $"--Switchboard:Ingest:SigningSecret={Secret}", "--Switchboard:Bench:BareEndpoint=true",
            "--Switchboard:Pipeline:WorkerEnabled=false", "--Switchboard:Outbox:Enabled=false", "--Logging:LogLevel:Default=Error",
        })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("server: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The server did not start within 30 s.");
    }

    private static string? FindServer()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "artifacts", "bin", "Switchboard", "release", "switchboard.dll");
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int IntArg(string[] args, string name, int fallback) =>
        StringArg(args, name) is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    private static string? StringArg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record RunResult(double RequestsPerSecond, double P50Ms, double P99Ms, double ServerCpuMicrosPerRequest, int Errors);
}
