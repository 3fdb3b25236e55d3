using System.ComponentModel.DataAnnotations;

namespace Switchboard.Core.Drafting;

/// <summary>Reply drafting: templates, link library and the optional LLM rewriter.</summary>
public sealed class DraftingOptions
{
    public const string Section = "Switchboard:Drafting";

    /// <summary>Reply templates file; relative paths are resolved against the content root. Default <c>config/reply-templates.yaml</c>.</summary>
    [Required]
    public string TemplatesPath { get; set; } = "config/reply-templates.yaml";

    /// <summary>Link library file. Default <c>config/link-library.yaml</c>.</summary>
    [Required]
    public string LinkLibraryPath { get; set; } = "config/link-library.yaml";

    /// <summary>The optional LLM rewriter (off by default).</summary>
    [Required]
    public LlmDrafterOptions Llm { get; set; } = new();
}
