using System.Text.RegularExpressions;
using Switchboard.Core.Triage.Normalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Switchboard.Core.Triage.Rules;

/// <summary>
/// The compiled rules file: what must never depend on the model (threats, self-harm, legal and media
/// escalation, doxxing …) plus optional playbook keyword hints, and the personal-data settings.
/// </summary>
internal sealed class RuleSet
{
    public const string EmbeddedResourceName = "Switchboard.Triage.Rules.yaml";

    private readonly PhraseMatcher matcher;

    private RuleSet(string version, IReadOnlyList<TriageRule> rules, PhraseMatcher matcher, PiiSettings pii, IReadOnlyList<PiiPattern> piiPatterns)
    {
        Version = version;
        Rules = rules;
        FeatureHashes = [.. rules.Select(r => TextHash.Of("rule:" + r.Id))];
        this.matcher = matcher;
        Pii = pii;
        PiiPatterns = piiPatterns;
    }

    public string Version { get; }

    /// <summary>
    /// A digest of the rules file's text: the model version includes it, because rule matches are model features
    /// and a phrase edited without a new <see cref="Version"/> still changes what the model learns.
    /// </summary>
    public string Fingerprint { get; private init; } = string.Empty;

    public IReadOnlyList<TriageRule> Rules { get; }

    /// <summary>Per rule, the hash of its model feature ("rule:" + id).</summary>
    public ulong[] FeatureHashes { get; }

    public PiiSettings Pii { get; }

    public IReadOnlyList<PiiPattern> PiiPatterns { get; }

    public void Match(TokenizedText text, Span<bool> fired, Span<int> firstToken) => matcher.Match(text, fired, firstToken);

    public static RuleSet Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>The rules file shipped inside the assembly (a copy of config/triage-rules.yaml).</summary>
    public static RuleSet LoadDefault()
    {
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {EmbeddedResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    public static RuleSet Parse(string yaml)
    {
        RulesDocument document;
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build();
            document = deserializer.Deserialize<RulesDocument?>(yaml) ?? new RulesDocument();
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"Rules file is not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }

        var errors = new List<string>();
        var rules = new List<TriageRule>();
        var matcher = new PhraseMatcher();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (definition, index) in document.Rules.Select((d, i) => (d, i)))
        {
            var id = definition.Id;
            if (string.IsNullOrWhiteSpace(id))
            {
                errors.Add($"rule #{index + 1} has no id");
                continue;
            }

            if (!ids.Add(id))
            {
                errors.Add($"rule '{id}' is defined twice");
            }

            if (!definition.Enabled)
            {
                continue;
            }

            if (definition.Intent is not null && !Intents.IsKnown(definition.Intent))
            {
                errors.Add($"rule '{id}': unknown intent '{definition.Intent}'");
            }

            if (definition.Severity is not null && !Severities.All.Contains(definition.Severity))
            {
                errors.Add($"rule '{id}': unknown severity '{definition.Severity}'");
            }

            if (definition.Force && definition.Intent is null)
            {
                errors.Add($"rule '{id}': force needs an intent");
            }

            errors.AddRange(definition.WhenIntent.Where(i => !Intents.IsKnown(i)).Select(i => $"rule '{id}': unknown whenIntent '{i}'"));
            if (definition.Phrases.Count == 0)
            {
                errors.Add($"rule '{id}' has no phrases");
            }

            foreach (var phrase in definition.Phrases)
            {
                try
                {
                    matcher.Add(phrase, rules.Count);
                }
                catch (InvalidDataException e)
                {
                    errors.Add($"rule '{id}': {e.Message}");
                }
            }

            rules.Add(new TriageRule(id, definition.Intent, definition.Force, definition.Boost, definition.Severity, definition.NeedsHuman, definition.Owner, [.. definition.WhenIntent]));
        }

        var patterns = new List<PiiPattern>();
        foreach (var pattern in document.Pii.Patterns)
        {
            if (string.IsNullOrWhiteSpace(pattern.Id) || string.IsNullOrWhiteSpace(pattern.Type) || string.IsNullOrWhiteSpace(pattern.Regex))
            {
                errors.Add($"pii pattern '{pattern.Id}' needs id, type and regex");
                continue;
            }

            try
            {
                // A timeout keeps a pathological configured pattern from stalling the pipeline.
                var regex = new Regex(pattern.Regex, RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
                patterns.Add(new PiiPattern(pattern.Id, pattern.Type, regex));
            }
            catch (ArgumentException e)
            {
                errors.Add($"pii pattern '{pattern.Id}': bad regex: {e.Message}");
            }
        }

        foreach (var severity in new[] { document.Pii.FinancialSeverity, document.Pii.PublicSeverity })
        {
            if (!Severities.All.Contains(severity))
            {
                errors.Add($"pii: unknown severity '{severity}'");
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException("Invalid triage rules: " + string.Join("; ", errors));
        }

        return new RuleSet(document.Version ?? "rules", rules, matcher, document.Pii, patterns)
        {
            Fingerprint = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(yaml)))[..10],
        };
    }
}
