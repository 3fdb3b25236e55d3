namespace Switchboard.Core.Drafting;

/// <summary>The validated templates and link library.</summary>
public sealed record DraftingConfiguration(ReplyTemplateCatalog Templates, LinkLibrary Links);
