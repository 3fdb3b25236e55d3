using System.Net;
using System.Text;

namespace Switchboard.UnitTests.Connectors.Slack;

/// <summary>An in-memory stand-in for Slack's HTTP side: records each request and answers from a function.</summary>
internal sealed class StubSlackHandler(Func<HttpRequestMessage, string, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string Body)> Calls { get; } = [];

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public IEnumerable<string> Methods => Calls.Select(c => c.Request.RequestUri!.AbsolutePath.Split('/')[^1]);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Calls.Add((request, body));
        return respond(request, body);
    }
}
