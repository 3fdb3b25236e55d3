using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Switchboard.Core.Analytics;

namespace Switchboard.Analytics;

/// <summary>
/// The dashboard page (/dashboard/), its login, and the JSON APIs behind it: /api/kpi, the retro sample and
/// scores, and the CSAT rating of a resolved case. Everything but the login page needs <see cref="DashboardAccess"/>.
/// </summary>
internal static class AnalyticsEndpoints
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder app)
    {
        // The login page and its two files are public; literal routes take precedence over /dashboard/{file}.
        app.MapGet("/dashboard/login", () => Asset("login.html"));
        app.MapGet("/dashboard/login.css", () => Asset("login.css"));
        app.MapGet("/dashboard/login.js", () => Asset("login.js"));
        app.MapPost("/dashboard/login", async (HttpContext context, DashboardAccess access) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (access.Login(form["password"]) is not { } cookie)
            {
                return Results.Redirect("/dashboard/login?failed=1");
            }

            context.Response.Cookies.Append(DashboardAccess.CookieName, cookie, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                MaxAge = TimeSpan.FromDays(7),
            });
            return Results.Redirect("/dashboard/");
        }).DisableAntiforgery();

        var page = app.MapGroup("/dashboard").AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<DashboardAccess>().IsAllowed(context.HttpContext)
                ? await next(context)
                : TypedResults.Redirect("/dashboard/login"));
        page.MapGet("/", () => Asset("index.html"));
        page.MapGet("/{file}", (string file) => Asset(file));

        var api = app.MapGroup("/api").AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<DashboardAccess>().IsAllowed(context.HttpContext)
                ? await next(context)
                : TypedResults.Problem("Log in at /dashboard/login to use the analytics API.", statusCode: StatusCodes.Status401Unauthorized));
        api.MapGet("/kpi", GetKpisAsync);
        api.MapGet("/kpi/retro", GetRetroAsync);
        api.MapPost("/kpi/retro/scores", AddRetroScoreAsync);
        api.MapPost("/cases/{id:long}/csat", RateAsync);
        return app;
    }

    private static async Task<Results<Ok<KpiReport>, ProblemHttpResult>> GetKpisAsync(
        KpiService kpis,
        TimeProvider time,
        string? from,
        string? to,
        string? platform,
        string? team,
        string? intent,
        string? campaign,
        CancellationToken cancellationToken)
    {
        var end = to is null ? time.GetUtcNow() : ParseTime(to);
        var start = from is null ? end?.AddDays(-7) : ParseTime(from);
        if (start is not { } f || end is not { } t || f >= t)
        {
            return TypedResults.Problem("from and to must be ISO 8601 times (or dates) with from before to.", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await kpis.ComputeAsync(new KpiFilter(f, t, Blank(platform), Blank(team), Blank(intent), Blank(campaign)), cancellationToken));
    }

    private static async Task<Ok<RetroView>> GetRetroAsync(IAnalyticsStore store, CancellationToken cancellationToken)
    {
        var latest = await store.GetLastWeeklyPostAsync(WeeklyPostPublisher.RetroPost, cancellationToken);
        var sample = latest is null ? [] : await store.GetRetroSampleAsync(latest, cancellationToken);
        var scores = await store.ListRetroScoresAsync(cancellationToken);
        var trend = scores
            .GroupBy(s => s.Period)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RetroTrendPoint(g.Key, g.Count(), Math.Round(g.Average(s => s.Tone), 2), Math.Round(g.Average(s => s.Accuracy), 2), Math.Round(g.Average(s => s.Speed), 2)))
            .ToList();
        return TypedResults.Ok(new RetroView(latest, sample, trend));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AddRetroScoreAsync(RetroScoreRequest request, IAnalyticsStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (new[] { request.Tone, request.Accuracy, request.Speed }.Any(s => s is < 1 or > 5) || string.IsNullOrWhiteSpace(request.Reviewer))
        {
            return TypedResults.Problem("tone, accuracy and speed are 1 to 5, and reviewer is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var sample = await store.GetRetroSampleAsync(request.Period, cancellationToken);
        if (sample.All(s => s.CaseId != request.CaseId))
        {
            return TypedResults.Problem($"case {request.CaseId} is not in the {request.Period} retro sample.", statusCode: StatusCodes.Status404NotFound);
        }

        await store.AddRetroScoreAsync(new RetroScore(request.Period, request.CaseId, request.Reviewer.Trim(), request.Tone, request.Accuracy, request.Speed, time.GetUtcNow()), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RateAsync(long id, CsatRequest request, CsatRecorder csat, CancellationToken cancellationToken)
    {
        if (request.Score is < 1 or > 5)
        {
            return TypedResults.Problem("score must be 1 to 5.", statusCode: StatusCodes.Status400BadRequest);
        }

        var refusal = await csat.RecordAsync(id, request.Score, string.IsNullOrWhiteSpace(request.Source) ? "api" : request.Source.Trim(), cancellationToken);
        return refusal is null ? TypedResults.NoContent() : TypedResults.Problem(refusal, statusCode: StatusCodes.Status409Conflict);
    }

    private static IResult Asset(string file)
    {
        var extension = Path.GetExtension(file);
        var stream = ContentTypes.TryGetValue(extension, out var type) ? typeof(AnalyticsEndpoints).Assembly.GetManifestResourceStream("dashboard/" + file) : null;
        return stream is null ? TypedResults.NotFound() : TypedResults.Stream(stream, type);
    }

    internal static DateTimeOffset? ParseTime(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) ? parsed : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal sealed record RetroScoreRequest(string Period, long CaseId, string Reviewer, int Tone, int Accuracy, int Speed);

    internal sealed record CsatRequest(int Score, string? Source);

    internal sealed record RetroTrendPoint(string Period, int Scores, double Tone, double Accuracy, double Speed);

    internal sealed record RetroView(string? Period, IReadOnlyList<RetroSampleItem> Sample, IReadOnlyList<RetroTrendPoint> Trend);
}
