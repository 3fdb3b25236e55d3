namespace Switchboard.Connectors.Telegram.Api;

/// <summary>The getChatMember result, flattened over its kinds (owner, administrator, member, restricted, left, kicked).</summary>
internal sealed record TelegramChatMember
{
    /// <summary>creator, administrator, member, restricted, left or kicked.</summary>
    public required string Status { get; init; }

    public TelegramUser? User { get; init; }

    public bool? CanDeleteMessages { get; init; }

    public bool? CanRestrictMembers { get; init; }

    public bool? CanPinMessages { get; init; }

    public bool IsOwner => Status == "creator";

    public bool IsAdministrator => Status is "creator" or "administrator";
}
