using Switchboard.Core.Drafting.Yaml;
using Switchboard.Core.Routing;
using Switchboard.Core.Routing.Yaml;
using Switchboard.Core.Triage;

namespace Switchboard.Core.Drafting;

/// <summary>
/// Loads config/link-library.yaml and config/reply-templates.yaml and checks them together: every intent that can
/// be answered has both templates, slots are known, public templates carry no personal slot, links exist.
/// </summary>
public static class DraftingConfigLoader
{
    private const string LinksName = "links";
    private const string TemplatesName = "templates";

    public static (ReplyTemplateCatalog Templates, LinkLibrary Links) LoadFiles(string templatesPath, string linksPath)
    {
        var errors = new List<string>();
        var templates = RoutingConfigLoader.ReadFile(templatesPath, TemplatesName, errors);
        var links = RoutingConfigLoader.ReadFile(linksPath, LinksName, errors);
        if (errors.Count > 0)
        {
            throw new ConfigValidationException(errors);
        }

        return Load(templates!, links!);
    }

    public static (ReplyTemplateCatalog Templates, LinkLibrary Links) Load(string templatesYaml, string linksYaml)
    {
        var result = TryLoad(templatesYaml, linksYaml, out var errors);
        return result ?? throw new ConfigValidationException(errors);
    }

    public static (ReplyTemplateCatalog Templates, LinkLibrary Links)? TryLoad(string templatesYaml, string linksYaml, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        errors = list;
        var links = ReadLinks(linksYaml, list);
        var templates = ReadTemplates(templatesYaml, links, list);
        return list.Count == 0 && links is not null && templates is not null ? (templates, links) : null;
    }

    private static LinkLibrary? ReadLinks(string yaml, List<string> errors)
    {
        var document = YamlConfig.Read<LinksDocument>(yaml, LinksName, errors);
        if (document is null)
        {
            return null;
        }

        var before = errors.Count;
        var links = new Dictionary<string, PolicyLink>(StringComparer.Ordinal);
        foreach (var (key, link) in document.Links ?? [])
        {
            var path = $"{LinksName}.{key}";
            if (!RoutingConfigLoader.IdPattern().IsMatch(key))
            {
                errors.Add($"{path}: link keys are lower_snake_case");
            }

            if (!Uri.TryCreate(link?.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add($"{path}.url: '{link?.Url}' is not an absolute https URL");
            }

            if (string.IsNullOrWhiteSpace(link?.Summary))
            {
                errors.Add($"{path}.summary: a one-line summary is required");
            }
            else if (link.Summary.Contains('\n', StringComparison.Ordinal))
            {
                errors.Add($"{path}.summary: keep it to one line");
            }

            if (url is not null && link?.Summary is { } summary)
            {
                links[key] = new PolicyLink(key, url, summary.Trim());
            }
        }

        return errors.Count == before ? new LinkLibrary(links) : null;
    }

    private static ReplyTemplateCatalog? ReadTemplates(string yaml, LinkLibrary? links, List<string> errors)
    {
        var document = YamlConfig.Read<TemplatesDocument>(yaml, TemplatesName, errors);
        if (document is null)
        {
            return null;
        }

        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(document.Version))
        {
            errors.Add($"{TemplatesName}.version: required");
        }

        if (string.IsNullOrWhiteSpace(document.Breadcrumb))
        {
            errors.Add($"{TemplatesName}.breadcrumb: required (the public line that says we sent a DM)");
        }

        var rows = document.Templates ?? [];
        foreach (var intent in Intents.All.Where(i => i != Intents.Noise && !rows.ContainsKey(i)))
        {
            errors.Add($"{TemplatesName}.templates: intent '{intent}' has no templates");
        }

        var intents = new Dictionary<string, IntentTemplates>(StringComparer.Ordinal);
        foreach (var (intent, row) in rows)
        {
            var path = $"{TemplatesName}.templates.{intent}";
            if (!Intents.IsKnown(intent))
            {
                errors.Add($"{path}: unknown intent");
                continue;
            }

            var publicTemplate = ReadTemplate(intent, "public", row?.Public, links, path, errors);
            var privateTemplate = ReadTemplate(intent, "private", row?.Private, links, path, errors);
            if (intent != Intents.Noise && (row?.Public is null || row.Private is null))
            {
                errors.Add($"{path}: both public and private templates are required");
            }

            intents[intent] = new IntentTemplates(intent, publicTemplate, privateTemplate);
        }

        return errors.Count == before
            ? new ReplyTemplateCatalog(document.Version!, document.Breadcrumb!.Trim(), intents)
            : null;
    }

    private static ReplyTemplate? ReadTemplate(string intent, string mode, TemplateDocument? document, LinkLibrary? links, string intentPath, List<string> errors)
    {
        if (document is null)
        {
            return null;
        }

        var path = $"{intentPath}.{mode}";
        var parts = new[] { ("acknowledge", document.Acknowledge), ("act", document.Act), ("anchor", document.Anchor) };
        var before = errors.Count;
        foreach (var (part, text) in parts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add($"{path}.{part}: required");
                continue;
            }

            foreach (var (slot, _) in TemplateSlots.Find(text))
            {
                if (!TemplateSlots.IsKnown(slot))
                {
                    errors.Add($"{path}.{part}: unknown slot {{{slot}}} (name, ref, campaign.*, link.*)");
                }
                else if (mode == "public" && TemplateSlots.Personal.Contains(slot))
                {
                    errors.Add($"{path}.{part}: slot {{{slot}}} carries personal data and is not allowed in a public template");
                }
                else if (slot.StartsWith(TemplateSlots.LinkPrefix, StringComparison.Ordinal) && links is not null
                    && !links.Links.ContainsKey(slot[TemplateSlots.LinkPrefix.Length..]))
                {
                    errors.Add($"{path}.{part}: link '{slot[TemplateSlots.LinkPrefix.Length..]}' is not in the link library");
                }
            }
        }

        return errors.Count == before
            ? new ReplyTemplate($"{intent}.{mode}", document.Acknowledge!.Trim(), document.Act!.Trim(), document.Anchor!.Trim())
            : null;
    }
}
