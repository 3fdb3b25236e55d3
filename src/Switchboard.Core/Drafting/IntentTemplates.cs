namespace Switchboard.Core.Drafting;

/// <summary>An intent's public and private templates (either may be missing, for example noise has none).</summary>
public sealed record IntentTemplates(string Intent, ReplyTemplate? Public, ReplyTemplate? Private);
