using Microsoft.Extensions.Options;
using Switchboard.Core.Review.Moderation;

namespace Switchboard.UnitTests.Review.Moderation;

public sealed class MemberReportDetectorTests
{
    private static readonly MemberReportDetector Detector = new(new StaticMonitor(new ModerationOptions()));

    [Theory]
    [InlineData("@admin this is a scam")]
    [InlineData("reported, fake account")]
    [InlineData("mods pls ban this guy")]
    [InlineData("MODS PLEASE BAN THIS GUY")]
    [InlineData("Reporting this one")]
    [InlineData("is this legit??")]
    [InlineData("Beware: he DMs everyone")]
    [InlineData("this   is\ta scam, don't click")]
    [InlineData("@Admins look at this")]
    [InlineData("Moderators, block this account please")]
    [InlineData("careful, scammer")]
    [InlineData("fake profile, do not send anything")]
    public void IsReport_MemberReportingSomeoneElse_True(string text)
    {
        Assert.True(Detector.IsReport(text));
    }

    [Theory]
    [InlineData("@bob you are an idiot")]
    [InlineData("URGENT: your account was hacked, verify your login code at bit.ly/verify-now")]
    [InlineData("the reporter asked about my order")]
    [InlineData("I sent the reportage yesterday")]
    [InlineData("modsecurity blocks my upload")]
    [InlineData("our administrators rebooted the server")]
    [InlineData("this is a scamp of a dog")]
    [InlineData("unban me please")]
    [InlineData("bandwidth is too low")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void IsReport_OtherWording_False(string? text)
    {
        Assert.False(Detector.IsReport(text));
    }

    [Fact]
    public void IsReport_ConfiguredPhrases_ReplaceTheDefaults()
    {
        var detector = new MemberReportDetector(new StaticMonitor(new ModerationOptions { ReportPhrases = ["signalé", "c'est une arnaque"] }));

        Assert.True(detector.IsReport("Signalé !"));
        Assert.True(detector.IsReport("attention, C'EST UNE ARNAQUE"));
        Assert.False(detector.IsReport("reported, fake account"));
    }

    [Fact]
    public void IsReport_OptionsReloaded_UsesTheNewPhrases()
    {
        var monitor = new StaticMonitor(new ModerationOptions { ReportPhrases = ["alpha"] });
        var detector = new MemberReportDetector(monitor);
        Assert.True(detector.IsReport("alpha"));

        monitor.CurrentValue = new ModerationOptions { ReportPhrases = ["beta"] };

        Assert.False(detector.IsReport("alpha"));
        Assert.True(detector.IsReport("beta"));
    }

    [Fact]
    public void Build_PhraseWithRegexCharacters_MatchedLiterally()
    {
        var pattern = MemberReportDetector.Build(["scam?", "a.b"]);

        Assert.Matches(pattern, "is it scam? yes");
        Assert.DoesNotMatch(pattern, "is it sca yes");
        Assert.DoesNotMatch(pattern, "axb");
    }

    private sealed class StaticMonitor(ModerationOptions value) : IOptionsMonitor<ModerationOptions>
    {
        public ModerationOptions CurrentValue { get; set; } = value;

        public ModerationOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<ModerationOptions, string?> listener) => null;
    }
}
