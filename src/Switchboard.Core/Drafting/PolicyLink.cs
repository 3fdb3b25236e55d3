namespace Switchboard.Core.Drafting;

/// <summary>A link-library entry: a policy or help URL with a one-line summary agents can trust.</summary>
public sealed record PolicyLink(string Key, Uri Url, string Summary);
