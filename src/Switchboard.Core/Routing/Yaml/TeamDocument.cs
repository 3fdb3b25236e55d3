namespace Switchboard.Core.Routing.Yaml;

internal sealed class TeamDocument
{
    public string? DisplayName { get; set; }

    public string? TimeZone { get; set; }

    public bool? AlwaysOpen { get; set; }

    /// <summary>Day spec ("mon", "mon-fri", "sat-sun") to "HH:mm-HH:mm[,HH:mm-HH:mm]".</summary>
    public Dictionary<string, string>? Hours { get; set; }

    public List<ChannelDocument>? Channels { get; set; }
}
