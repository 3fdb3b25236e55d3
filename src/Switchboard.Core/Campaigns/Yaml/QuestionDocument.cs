namespace Switchboard.Core.Campaigns.Yaml;

/// <summary>A top question with its approved answer.</summary>
internal sealed class QuestionDocument
{
    public string? Question { get; set; }

    public List<string>? Keywords { get; set; }

    public string? Answer { get; set; }
}
