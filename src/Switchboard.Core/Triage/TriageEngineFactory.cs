using Switchboard.Core.Triage.Language;
using Switchboard.Core.Triage.Model;
using Switchboard.Core.Triage.Rules;

namespace Switchboard.Core.Triage;

/// <summary>Builds the triage engine without DI (CLI verbs, benchmarks, tests).</summary>
public static class TriageEngineFactory
{
    public const string EmbeddedModelName = "Switchboard.Triage.Model.bin";

    public static ITriageEngine Create(TriageOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new TriageOptions();
        var model = options.ModelPath is { } path ? LinearModel.Load(path) : LoadEmbeddedModel();
        var rules = options.RulesPath is { } rulesPath ? RuleSet.Load(rulesPath) : RuleSet.LoadDefault();
        return new TriageEngine(model, rules, LanguageIdentifier.CreateDefault(), options, timeProvider ?? TimeProvider.System);
    }

    internal static TriageEngine Create(LinearModel model, RuleSet rules, TriageOptions options, TimeProvider? timeProvider = null) =>
        new(model, rules, LanguageIdentifier.CreateDefault(), options, timeProvider ?? TimeProvider.System);

    internal static LinearModel LoadEmbeddedModel()
    {
        using var stream = typeof(TriageEngineFactory).Assembly.GetManifestResourceStream(EmbeddedModelName)
            ?? throw new InvalidOperationException($"Embedded model {EmbeddedModelName} is missing; set {TriageOptions.Section}:ModelPath.");
        return LinearModel.Load(stream);
    }
}
