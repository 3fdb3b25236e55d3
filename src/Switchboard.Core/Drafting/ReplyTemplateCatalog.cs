namespace Switchboard.Core.Drafting;

/// <summary>All reply templates (config/reply-templates.yaml).</summary>
/// <param name="Version">Written to the audit log with every draft.</param>
/// <param name="Breadcrumb">The public breadcrumb a draft must carry when the work moves to a DM.</param>
public sealed record ReplyTemplateCatalog(string Version, string Breadcrumb, IReadOnlyDictionary<string, IntentTemplates> Intents);
