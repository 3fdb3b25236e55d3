using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;

namespace Switchboard.IntegrationTests.Connectors.Telegram;

/// <summary>The bot token sits in every Bot API URI; no log line of any component may carry it.</summary>
public sealed class TelegramLoggingTests
{
    private const string Token = "500001:LogTokenLogTokenLogTokenLogToken";

    [Fact]
    public async Task Logs_SuccessFailureAndNetworkError_NeverContainTokenOrUri()
    {
        var ct = TestContext.Current.CancellationToken;
        var capture = new CapturingLoggerProvider();
        await using var api = await FakeBotApi.StartAsync(ct);
        api.Files["voice1"] = [1, 2, 3];
        api.AddPrivateMessage(5551, "hello");
        var sink = new DurableSink();
        var dm = new ReplyTarget("telegram", "5551", "5551", null, false, null, "5551");

        await using (var host = Host(api.BaseUrl, capture))
        {
            host.StartReceiving(sink);
            await sink.WaitForAsync(1);
            await host.Connector.SendReplyAsync(dm, "hi", ct);
            await host.Connector.DownloadAttachmentAsync(new Attachment(AttachmentKinds.Voice, "voice1"), ct);
            api.Fault = (_, _) => Task.FromResult<Microsoft.AspNetCore.Http.IResult?>(FakeBotApi.Error(500, "Internal Server Error"));
            await Assert.ThrowsAsync<ConnectorException>(() => host.Connector.SendReplyAsync(dm, "hi", ct));
        }

        await using (var offline = Host("http://127.0.0.1:" + ClosedPort(), capture))
        {
            var error = await Assert.ThrowsAsync<ConnectorException>(() => offline.Connector.SendReplyAsync(dm, "hi", ct));
            Assert.Equal(ConnectorFailure.Transient, error.Failure);
            Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        }

        Assert.NotEmpty(capture.Lines);
        Assert.DoesNotContain(capture.Lines, line => line.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(capture.Lines, line => line.Contains("/bot", StringComparison.Ordinal));
        Assert.DoesNotContain(capture.Lines, line => line.Contains("hello", StringComparison.Ordinal));
    }

    private static TelegramTestHost Host(string baseUrl, CapturingLoggerProvider capture) =>
        TelegramTestHost.Create(
            TelegramTestHost.Settings(baseUrl, Token),
            configure: services => services.AddLogging(b => b.AddProvider(capture).SetMinimumLevel(LogLevel.Trace)));

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
