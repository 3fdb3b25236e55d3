using System.Globalization;
using Switchboard.Connectors.Telegram.Api;

namespace Switchboard.Connectors.Telegram;

/// <summary>Which chats are customer channels and which are team (review) channels, from <see cref="TelegramOptions"/>.</summary>
internal sealed class TelegramChatRoles(IEnumerable<string> customerChats, IEnumerable<string> teamChats)
{
    private readonly HashSet<long> _customer = Parse(customerChats);
    private readonly HashSet<long> _team = Parse(teamChats);

    public static TelegramChatRoles From(TelegramOptions options) => new(options.CustomerChats, options.TeamChats);

    public bool IsTeamChat(long chatId) => _team.Contains(chatId);

    /// <summary>Private chats with the bot are always customer conversations; groups only when listed (fail closed).</summary>
    public bool IsCustomerChat(TelegramChat chat) =>
        !_team.Contains(chat.Id) && (chat.IsPrivate || _customer.Contains(chat.Id));

    private static HashSet<long> Parse(IEnumerable<string> ids) =>
        [.. ids.Select(id => long.Parse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))];
}
