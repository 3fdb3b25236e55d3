using Switchboard.Core.Triage;
using Switchboard.Core.Triage.Normalization;
using Switchboard.Core.Triage.Rules;
using Switchboard.Tests;

namespace Switchboard.UnitTests.Triage.Rules;

public sealed class RuleSetTests
{
    private static List<string> Fired(RuleSet rules, string text)
    {
        var tokens = new TokenizedText();
        TextTokenizer.Tokenize(text, tokens);
        var fired = new bool[rules.Rules.Count];
        var first = new int[rules.Rules.Count];
        rules.Match(tokens, fired, first);
        return [.. rules.Rules.Where((_, i) => fired[i]).Select(r => r.Id)];
    }

    [Fact]
    public void LoadDefault_EqualsRepoRulesFile()
    {
        var embedded = RuleSet.LoadDefault();
        var file = RuleSet.Load(RepoPaths.InRepo("config", "triage-rules.yaml"));

        Assert.Equal(file.Version, embedded.Version);
        Assert.Equal(file.Rules.Select(r => r.Id), embedded.Rules.Select(r => r.Id));
    }

    [Theory]
    [InlineData("I'm going to kill myself", "safety.self-harm")]
    [InlineData("i know where you live and i will find you", "threat.violence")]
    [InlineData("your driver ASSAULTED my daughter", "safety.assault")]
    [InlineData("someone doxxed me in your server", "privacy.doxxing")]
    [InlineData("your mods keep harassing me", "abuse.harassment")]
    [InlineData("an account is impersonating your support team", "fraud.impersonation")]
    [InlineData("my lawyer will be in touch", "legal.threat")]
    [InlineData("I'm going to sue you", "legal.threat")]
    [InlineData("reported you to the Better Business Bureau", "legal.regulator")]
    [InlineData("@CNN look at this", "media.news-outlet")]
    [InlineData("tag 3 friends to win!", "noise.giveaway-chatter")]
    [InlineData("@user shut it you stupid skank", "abuse.insult")]
    [InlineData("will this fit my Kenmore 79070609014?", "playbook.pre-sales")]
    [InlineData("@utility we lost power again on Elm St, third outages this month", "playbook.outage")]
    public void Match_DefaultRules_FireOnTheirWording(string text, string ruleId) =>
        Assert.Contains(ruleId, Fired(RuleSet.LoadDefault(), text));

    [Theory]
    [InlineData("this update kills my battery")]
    [InlineData("the food court was closed")]
    [InlineData("thanks for the help, all sorted")]
    public void Match_HarmlessText_FiresNoSafetyOrLegalRule(string text)
    {
        var fired = Fired(RuleSet.LoadDefault(), text);

        Assert.DoesNotContain(fired, id => id.StartsWith("safety.", StringComparison.Ordinal) || id.StartsWith("threat.", StringComparison.Ordinal) || id.StartsWith("legal.", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_PrefixPhrase_MatchesWordsStartingWithIt()
    {
        var rules = RuleSet.Parse("""
            rules:
              - id: t.prefix
                phrases: ["impersonat* your"]
                severity: high
            """);

        Assert.Equal(["t.prefix"], Fired(rules, "someone is IMPERSONATING your staff"));
        Assert.Empty(Fired(rules, "impersonating people"));
    }

    [Fact]
    public void Match_HandlePhrase_MatchesOnlyMentions()
    {
        var rules = RuleSet.Parse("""
            rules:
              - id: t.handle
                phrases: ["@cnn"]
                severity: high
            """);

        Assert.Equal(["t.handle"], Fired(rules, "hey @CNN look"));
        Assert.Empty(Fired(rules, "saw it on cnn"));
    }

    [Fact]
    public void Parse_InvalidRules_ReportsEveryError()
    {
        var error = Assert.Throws<InvalidDataException>(() => RuleSet.Parse("""
            rules:
              - id: a
                phrases: ["x"]
                intent: nonsense
              - id: b
                phrases: []
                severity: extreme
              - phrases: ["y"]
              - id: c
                phrases: ["z"]
                force: true
            pii:
              patterns:
                - id: p
                  type: order
                  regex: "("
            """));

        Assert.Contains("unknown intent 'nonsense'", error.Message);
        Assert.Contains("unknown severity 'extreme'", error.Message);
        Assert.Contains("rule 'b' has no phrases", error.Message);
        Assert.Contains("rule #3 has no id", error.Message);
        Assert.Contains("force needs an intent", error.Message);
        Assert.Contains("bad regex", error.Message);
    }

    [Fact]
    public void Parse_NotYaml_ReportsLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => RuleSet.Parse("rules:\n  - id: [unclosed\n"));

        Assert.Contains("not valid YAML", error.Message);
    }

    [Fact]
    public void Parse_DisabledRule_IsLeftOut()
    {
        var rules = RuleSet.Parse("""
            rules:
              - id: off
                enabled: false
                phrases: ["refund"]
                intent: billing
            """);

        Assert.Empty(rules.Rules);
        Assert.Equal(Intents.Billing, Intents.All[0]);
    }
}
