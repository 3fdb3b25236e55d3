using Switchboard.Core.Review.Moderation;

namespace Switchboard.UnitTests.Review.Moderation;

public sealed class ModerationActionsTests
{
    [Theory]
    [InlineData("delete_message", true)]
    [InlineData("restrict_author", true)]
    [InlineData("ban_author", true)]
    [InlineData("pin_warning", true)]
    [InlineData("approve", false)]
    [InlineData("Delete_Message", false)]
    [InlineData(null, false)]
    public void IsModeration_Verb_OnlyTheFourModerationVerbs(string? verb, bool expected) =>
        Assert.Equal(expected, ModerationActions.IsModeration(verb));

    [Fact]
    public void Describe_EveryAction_HasWordsForRefusals() =>
        Assert.All(ModerationActions.All, a => Assert.NotEqual(a, ModerationActions.Describe(a)));
}
