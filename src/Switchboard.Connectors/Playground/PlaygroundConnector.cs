using System.Globalization;
using Microsoft.Extensions.Options;
using Switchboard.Core.Connectors;
using Switchboard.Core.Domain;
using Switchboard.Core.Storage;

namespace Switchboard.Connectors.Playground;

/// <summary>
/// The local playground as a connector: cards and replies land in simulated channels stored in the
/// database, and the playground page shows them. It runs the same pipeline and storage as production.
/// </summary>
public sealed class PlaygroundConnector(IPlaygroundFeedStore feed, IOptions<PlaygroundOptions> options, TimeProvider time) : IChatConnector, IMessagePinner
{
    public const string ConnectorName = "playground";
    private const string FilePrefix = "pgfile:";

    public string Name => ConnectorName;

    public async Task ReceiveAsync(IInboundSink sink, CancellationToken cancellationToken)
    {
        // Inbound traffic arrives through the playground's HTTP endpoints; nothing to poll.
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public async Task<PostedMessageRef> PostCardAsync(ChannelAddress channel, CardPayload card, CancellationToken cancellationToken)
    {
        var id = await feed.AddAsync(
            new PlaygroundPost(0, channel.ChannelId, null, channel.ThreadId, "Switchboard", "card", card.FallbackText, card.Card.ToJsonString(), false, time.GetUtcNow(), 0),
            cancellationToken);
        return new PostedMessageRef(Name, channel.ChannelId, id.ToString(CultureInfo.InvariantCulture));
    }

    public async Task UpdateCardAsync(PostedMessageRef posted, CardPayload card, CancellationToken cancellationToken)
    {
        if (!long.TryParse(posted.PlatformMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !await feed.ReplaceCardAsync(id, card.Card.ToJsonString(), time.GetUtcNow(), cancellationToken))
        {
            throw new ConnectorException(ConnectorFailure.NotFound, $"Playground card {posted.PlatformMessageId} does not exist.");
        }
    }

    public async Task<PostedMessageRef> SendReplyAsync(ReplyTarget target, string text, CancellationToken cancellationToken)
    {
        if (target.NeedsDirectMessage)
        {
            // The DM half of a reply to a public comment: the simulated DM channel of the customer's platform.
            var dm = options.Value.Channels.FirstOrDefault(c => !c.Public && c.Platform == target.Platform)
                ?? throw new ConnectorException(ConnectorFailure.NotFound, $"The playground has no private channel for {target.Platform}.");
            target = target with { ChannelId = dm.Id, ConversationId = $"{dm.Id}:{target.RecipientId}" };
        }

        var id = await feed.AddAsync(
            new PlaygroundPost(0, target.ChannelId, target.ConversationId, target.ThreadId, "Switchboard", "reply", text, null, target.IsPublic, time.GetUtcNow(), 0),
            cancellationToken);
        return new PostedMessageRef(Name, target.ChannelId, id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Pins a playground message: a "pin" post in its channel carries the pinned text, and the page shows it above the channel.</summary>
    public async Task PinAsync(PostedMessageRef message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!long.TryParse(message.PlatformMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await feed.GetAsync(id, cancellationToken) is not { } pinned)
        {
            throw new ConnectorException(ConnectorFailure.NotFound, $"Playground message {message.PlatformMessageId} does not exist.");
        }

        await feed.AddAsync(
            new PlaygroundPost(0, pinned.ChannelId, pinned.ConversationId, null, "Switchboard", "pin", pinned.Text ?? pinned.CardJson, null, true, time.GetUtcNow(), 0),
            cancellationToken);
    }

    public async Task<DownloadedFile> DownloadAttachmentAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        if (!attachment.Reference.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            throw new ConnectorException(ConnectorFailure.NotFound, "Not a playground file reference.");
        }

        var name = Path.GetFileName(attachment.Reference[FilePrefix.Length..]);
        var path = Path.Combine(Path.GetFullPath(options.Value.FilesPath), name);
        if (!File.Exists(path))
        {
            throw new ConnectorException(ConnectorFailure.NotFound, "The uploaded voice note is gone.");
        }

        return new DownloadedFile(await File.ReadAllBytesAsync(path, cancellationToken), attachment.MimeType, attachment.FileName);
    }

    /// <summary>Keeps an uploaded voice note and returns the attachment that refers to it.</summary>
    public async Task<Attachment> SaveUploadAsync(Stream content, string? mimeType, string? fileName, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.FilesPath);
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N") + (Path.GetExtension(fileName) is { Length: > 0 and <= 6 } ext ? ext : ".ogg");
        var path = Path.Combine(folder, name);
        await using (var file = File.Create(path))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        return new Attachment(AttachmentKinds.Voice, FilePrefix + name, mimeType ?? "audio/ogg", new FileInfo(path).Length, null, fileName);
    }
}
