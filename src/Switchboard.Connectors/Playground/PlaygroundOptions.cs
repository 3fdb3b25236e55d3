using System.ComponentModel.DataAnnotations;

namespace Switchboard.Connectors.Playground;

/// <summary>The local playground: simulated customer channels of several platforms, on the bot's own web page.</summary>
public sealed class PlaygroundOptions
{
    public const string Section = "Switchboard:Playground";

    /// <summary>Serve the playground page and its API (default true; it only listens where the host listens).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folder for voice notes uploaded on the page. Default: data-local/playground-files.</summary>
    [Required]
    public string FilesPath { get; set; } = "data-local/playground-files";

    /// <summary>Largest voice note the page accepts. Default 20 MB (Telegram's download limit).</summary>
    [Range(1, 200_000_000)]
    public long MaxUploadBytes { get; set; } = 20_000_000;

    /// <summary>Simulated customer channels. Defaults cover Telegram, Discord, Slack and X, public and private.</summary>
    public List<PlaygroundChannel> Channels { get; set; } =
    [
        new() { Id = "tg-community", Platform = "telegram", Name = "Telegram · Acme community group", Public = true },
        new() { Id = "tg-dm", Platform = "telegram", Name = "Telegram · DM with the bot", Public = false },
        new() { Id = "dc-support", Platform = "discord", Name = "Discord · #support", Public = true },
        new() { Id = "dc-dm", Platform = "discord", Name = "Discord · DM", Public = false },
        new() { Id = "sl-customers", Platform = "slack", Name = "Slack · #customers", Public = true },
        new() { Id = "sl-dm", Platform = "slack", Name = "Slack · DM with the app", Public = false },
        new() { Id = "x-mentions", Platform = "x", Name = "X · @acme mentions", Public = true },
        new() { Id = "x-dm", Platform = "x", Name = "X · DMs", Public = false },
    ];

    /// <summary>Reviewers the page lets you act as (their roles come from Switchboard:Reviewers:Roles).</summary>
    public List<string> Reviewers { get; set; } = ["dana", "sam", "fin", "tess", "cora"];
}

public sealed class PlaygroundChannel
{
    [Required]
    public string Id { get; set; } = string.Empty;

    [Required]
    public string Platform { get; set; } = "telegram";

    [Required]
    public string Name { get; set; } = string.Empty;

    public bool Public { get; set; } = true;
}
