namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>A creator and the handle customers mention.</summary>
internal sealed class CreatorDocument
{
    public string? Name { get; set; }

    public string? Handle { get; set; }

    public List<string>? Platforms { get; set; }
}
