namespace Switchboard.Core.Campaigns;

/// <summary>
/// A cluster of messages asking the same thing. <see cref="Answer"/> is the factsheet's approved answer it matched
/// (null for a cluster found by wording alone), and <see cref="SuggestedClarification"/> the pinned post to propose.
/// </summary>
public sealed record RepeatedQuestion(
    string Key,
    string Question,
    IReadOnlyList<string> MessageIds,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    ApprovedAnswer? Answer,
    string SuggestedClarification);
