using Switchboard.Core.Domain;
using Switchboard.Core.Drafting;
using Switchboard.Core.Triage;

namespace Switchboard.UnitTests.Drafting;

public sealed class DraftComposerTests
{
    private static readonly CaseRecord Case = new(1, "x:ana", "x", "playground", CaseStatus.Triaged, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch) { CustomerHandle = "@ana" };

    [Fact]
    public void Compose_PublicBilling_LeavesBreadcrumbToDm()
    {
        var draft = new DraftComposer().Compose(Case, Intents.Billing, isPublic: true);

        Assert.StartsWith("Hi @ana, ", draft, StringComparison.Ordinal);
        Assert.EndsWith("We've sent you a DM so we can sort this out privately.", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PrivateBilling_NoBreadcrumb() =>
        Assert.DoesNotContain("DM", new DraftComposer().Compose(Case, Intents.Billing, isPublic: false), StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(AllIntents))]
    public void Compose_EveryIntent_ThreeSentencesOfFixedWording(string intent)
    {
        var draft = new DraftComposer().Compose(Case, intent, isPublic: true);

        Assert.True(draft.Count(c => c == '.' || c == '!') >= 3, draft);
        Assert.DoesNotContain("@", draft[5..], StringComparison.Ordinal);
    }

    public static TheoryData<string> AllIntents() => new(Intents.All);
}
