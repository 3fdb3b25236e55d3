using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Switchboard.Core.Triage.Clustering;
using Switchboard.Core.Triage.Language;
using Switchboard.Core.Triage.Model;
using Switchboard.Core.Triage.Normalization;
using Switchboard.Core.Triage.Pii;
using Switchboard.Core.Triage.Rules;

namespace Switchboard.Core.Triage;

/// <summary>
/// The triage engine: a trained hashed-n-gram logistic regression decides the intent, a rules file
/// overrides or raises what must never depend on a model, personal data is found with spans, the language
/// identified, and near-duplicate reports clustered into incidents. Below the abstention threshold the
/// message is left for a human to tag. Every result lists the model version and rule ids behind it.
/// Thread-safe: per-thread scratch buffers, and the clusterer locks its own state.
/// </summary>
internal sealed class TriageEngine : ITriageEngine
{
    [ThreadStatic]
    private static Scratch? scratch;

    private readonly LinearModel model;
    private readonly RuleSet rules;
    private readonly LanguageIdentifier language;
    private readonly TriageOptions options;
    private readonly TimeProvider timeProvider;
    private readonly PiiDetector pii;
    private readonly NearDuplicateClusterer clusterer;
    private readonly OutageClusterer? outageClusterer;
    private readonly int noiseIndex;
    private readonly bool[] clusterIntents;
    private readonly int[] ruleIntent;

    public TriageEngine(LinearModel model, RuleSet rules, LanguageIdentifier language, TriageOptions options, TimeProvider timeProvider)
    {
        this.model = model;
        this.rules = rules;
        this.language = language;
        this.options = options;
        this.timeProvider = timeProvider;
        pii = new PiiDetector(rules.PiiPatterns, rules.Pii.DetectStreetAddress);
        var clusterIds = new ClusterIds();
        clusterer = new NearDuplicateClusterer(
            options.ClusterThreshold,
            TimeSpan.FromMinutes(options.ClusterWindowMinutes),
            options.ClusterSimilarity,
            options.ClusterMaxWindowMessages,
            clusterIds);
        if (options.ClusterOutageByTerms)
        {
            outageClusterer = new OutageClusterer(
                options.ClusterThreshold,
                TimeSpan.FromMinutes(options.ClusterWindowMinutes),
                options.ClusterMaxWindowMessages,
                options.ClusterOutageFeatures ?? TriageOptions.DefaultClusterOutageFeatures,
                options.ClusterOutageServiceWords ?? TriageOptions.DefaultClusterOutageServiceWords,
                options.ClusterOutageWords ?? TriageOptions.DefaultClusterOutageWords,
                clusterIds);
        }

        noiseIndex = Array.IndexOf(model.Labels, Intents.Noise);
        var intents = options.ClusterIntents ?? TriageOptions.DefaultClusterIntents;
        clusterIntents = [.. model.Labels.Select(l => intents.Contains(l))];
        ruleIntent = [.. rules.Rules.Select(r => r.Intent is null ? -1 : Array.IndexOf(model.Labels, r.Intent))];
        DecidedByBase = $"{model.Version}+{rules.Version}";
    }

    public string ModelVersion => model.Version;

    public string RulesVersion => rules.Version;

    public int RuleCount => rules.Rules.Count;

    internal string DecidedByBase { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TriageResult Triage(TriageRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Text ?? string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new TriageResult(Intents.Noise, Severities.Low, 1.0, LanguageIdentifier.Undetermined, [], null, 0, false,
                ["empty text: nothing to triage"], "empty-text");
        }

        var s = scratch ??= new Scratch();
        var tokens = s.Tokens;
        TextTokenizer.Tokenize(text, tokens);
        var languageCode = language.Identify(text.AsSpan(0, Math.Min(text.Length, TextTokenizer.MaxChars)));
        var personalData = pii.Detect(text);

        var classes = model.Classes;
        var logits = s.Scores.AsSpan(0, classes);

        var ruleCount = rules.Rules.Count;
        if (s.Fired.Length < ruleCount)
        {
            s.Fired = new bool[ruleCount];
            s.FirstToken = new int[ruleCount];
        }

        var fired = s.Fired.AsSpan(0, ruleCount);
        fired.Clear();
        rules.Match(tokens, fired, s.FirstToken);
        var n = FeatureExtractor.Extract(tokens, model.BucketMask, ref s.Features);
        n = FeatureExtractor.AddRuleFeatures(fired, rules.FeatureHashes, model.BucketMask, ref s.Features, n);
        model.Score(s.Features.AsSpan(0, n), logits);
        TriageRule? forced = null;
        var anyFired = false;
        for (var r = 0; r < ruleCount; r++)
        {
            if (!fired[r])
            {
                continue;
            }

            anyFired = true;
            var rule = rules.Rules[r];
            if (rule.Force)
            {
                forced ??= rule;
            }
            else if (ruleIntent[r] >= 0)
            {
                logits[ruleIntent[r]] += rule.Boost;
            }
        }

        LinearModel.Softmax(logits);
        var top = 0;
        for (var c = 1; c < classes; c++)
        {
            if (logits[c] > logits[top])
            {
                top = c;
            }
        }

        var noise = noiseIndex;
        var uncertainNoise = top == noise && forced is null && logits[top] < options.NoiseMinConfidence;

        var reasons = new List<string>(4);
        // Most messages fire no rule: their decidedBy is the shared base string, no builder needed.
        StringBuilder? decidedBy = null;
        string intent;
        double confidence;
        var abstained = false;
        if (forced is not null)
        {
            intent = forced.Intent!;
            confidence = 1.0;
        }
        else
        {
            intent = model.Labels[top];
            // 1.0 means a rule forced the intent; a model, however sure, reports at most 0.9999.
            confidence = Math.Min(Math.Round(logits[top], 4), 0.9999);
            reasons.Add(ModelReason(tokens, top, logits[top]));
            if (uncertainNoise)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"possible noise, not filtered: {logits[noise]:0.00} is below {options.NoiseMinConfidence:0.00}; a person should check it"));
            }

            abstained = confidence < options.AbstainBelow;
            if (abstained)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"abstained: confidence {confidence:0.00} is below {options.AbstainBelow:0.00}; a person should tag it (runner-up {RunnerUp(logits, top)})"));
            }
        }

        var severity = BaseSeverity(intent);
        var needsHuman = abstained || uncertainNoise;
        string? owner = null;
        if (anyFired)
        {
            for (var r = 0; r < ruleCount; r++)
            {
                var rule = rules.Rules[r];
                if (!fired[r] || !rule.AppliesTo(intent) || (!rule.Force && rule.Intent is not null && rule.Intent != intent && rule.Severity is null))
                {
                    continue;
                }

                if (rule.Severity is not null)
                {
                    severity = Severities.Max(severity, rule.Severity);
                }

                needsHuman |= rule.NeedsHuman;
                owner ??= rule.Owner;
                reasons.Add($"rule {rule.Id}: \"{tokens.Text(s.FirstToken[r])}\"" + (rule == forced ? $" forced {intent}" : string.Empty));
                decidedBy = decidedBy is null ? new StringBuilder(DecidedByBase).Append(':') : decidedBy.Append(',');
                decidedBy.Append(rule.Id);
            }
        }

        if (personalData.Count > 0)
        {
            var types = string.Join(", ", personalData.Select(p => p.Type).Distinct());
            reasons.Add($"personal data: {types}");
            if (personalData.Any(p => p.Type is PiiTypes.PaymentCard or PiiTypes.Iban))
            {
                severity = Severities.Max(severity, rules.Pii.FinancialSeverity);
                needsHuman = true;
            }

            if (request.IsPublic == true)
            {
                severity = Severities.Max(severity, rules.Pii.PublicSeverity);
                needsHuman = true;
                reasons.Add("personal data posted publicly: hide or redact before replying");
            }
        }

        var cluster = ClusterAssignment.None;
        var intentIndex = forced is null ? top : Array.IndexOf(model.Labels, intent);
        // Abstained messages cluster too, on their best guess: a surge worded in a way the model has not
        // seen is exactly when one incident card beats N untagged ones.
        if (intentIndex >= 0 && clusterIntents[intentIndex])
        {
            var timestamp = request.Timestamp ?? timeProvider.GetUtcNow();
            // Outage reports (and reports of other intents with an outage word) group by what they name as
            // broken; everything else, and an outage report that names nothing, by near-duplicate wording.
            if (outageClusterer is null || !outageClusterer.TryAssign(tokens, timestamp, intent == Intents.Outage, out cluster, request.Id))
            {
                Span<ulong> signature = stackalloc ulong[MinHashSketch.Size];
                var shingles = MinHashSketch.Compute(tokens, signature);
                cluster = clusterer.Assign(signature, shingles, intent, timestamp, request.Id);
            }

            if (cluster.ClusterId is not null)
            {
                severity = Severities.Max(severity, Severities.High);
                var opens = cluster.Opens ? " (opens the incident)" : string.Empty;
                var about = cluster.Topic switch
                {
                    null => $"similar {intent} reports",
                    OutageClusterer.Service => "outage reports about the whole service",
                    _ => $"outage reports about {cluster.Topic}",
                };
                reasons.Add(string.Create(CultureInfo.InvariantCulture,
                    $"cluster {cluster.ClusterId}: {cluster.Size} {about} within {options.ClusterWindowMinutes:0.#} min{opens}"));
            }
        }

        needsHuman |= severity == Severities.Critical;
        return new TriageResult(intent, severity, confidence, languageCode, personalData, cluster.ClusterId, cluster.Size, needsHuman, reasons, decidedBy?.ToString() ?? DecidedByBase)
        {
            OpensCluster = cluster.Opens,
            EarlierMembers = cluster.EarlierMembers ?? [],
            ForcedOwner = owner,
        };
    }

    private static string BaseSeverity(string intent) => intent switch
    {
        Intents.Noise or Intents.Feedback or Intents.PreSales => Severities.Low,
        Intents.Outage or Intents.TrustSafety or Intents.ReputationRisk => Severities.High,
        _ => Severities.Normal,
    };

    /// <summary>"model v: billing 0.82 (refund, charged)": the two words that pushed the chosen intent most.</summary>
    private string ModelReason(TokenizedText tokens, int intent, float probability)
    {
        int best = -1, second = -1;
        float bestWeight = 0, secondWeight = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens.Kinds[i] is not (TokenKind.Word or TokenKind.Hashtag or TokenKind.Emoji) || StopWords.Contains(tokens.Hashes[i]))
            {
                continue;
            }

            var w = model.Weight(FeatureExtractor.UnigramBucket(tokens, i, model.BucketMask), intent);
            if (w > bestWeight && (best < 0 || !tokens.Text(best).SequenceEqual(tokens.Text(i))))
            {
                second = best;
                secondWeight = bestWeight;
                best = i;
                bestWeight = w;
            }
            else if (w > secondWeight && best >= 0 && !tokens.Text(best).SequenceEqual(tokens.Text(i)))
            {
                second = i;
                secondWeight = w;
            }
        }

        var label = model.Labels[intent];
        var words = best < 0 ? string.Empty
            : second < 0 ? $" ({tokens.Text(best)})"
            : $" ({tokens.Text(best)}, {tokens.Text(second)})";
        return string.Create(CultureInfo.InvariantCulture, $"model {model.Version}: {label} {probability:0.00}{words}");
    }

    private string RunnerUp(Span<float> probabilities, int top)
    {
        var second = RunnerUpIndex(probabilities, top);
        return string.Create(CultureInfo.InvariantCulture, $"{model.Labels[second]} {probabilities[second]:0.00}");
    }

    private static int RunnerUpIndex(Span<float> probabilities, int top)
    {
        var second = top == 0 ? 1 : 0;
        for (var c = 0; c < probabilities.Length; c++)
        {
            if (c != top && probabilities[c] > probabilities[second])
            {
                second = c;
            }
        }

        return second;
    }

    private sealed class Scratch
    {
        public readonly TokenizedText Tokens = new();
        public int[] Features = new int[512];
        public readonly float[] Scores = new float[64];
        public bool[] Fired = new bool[64];
        public int[] FirstToken = new int[64];
    }
}
