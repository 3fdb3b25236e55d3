using Switchboard.Core.Campaigns;

namespace Switchboard.UnitTests.Campaigns;

public sealed class StaffingCalculatorTests
{
    [Fact]
    public void Calculate_PlaybookWorkedExample_200HoursAnd7Agents()
    {
        var plan = StaffingCalculator.Calculate(new StaffingInputs(2400, 4, 0.25, 30, Reach: 500_000));

        Assert.Equal(200, plan.WeeklyAgentHours, 9);
        Assert.Equal(6.7, Math.Round(plan.AgentsExact, 1));
        Assert.Equal(7, plan.Agents);
        Assert.Equal(250, plan.ExtraQuestionsLow, 9);
        Assert.Equal(1000, plan.ExtraQuestionsHigh, 9);
    }

    [Fact]
    public void Calculate_LaunchWindow_SixHoursHoldingEveryExtraQuestionWithThePeakFirst()
    {
        var plan = StaffingCalculator.Calculate(new StaffingInputs(2400, 4, 0.25, 30, Reach: 500_000));

        Assert.Equal(6, plan.LaunchHours.Count);
        Assert.Equal(1000, plan.LaunchHours.Sum(h => h.ExtraQuestions), 6);
        Assert.True(plan.LaunchHours.Zip(plan.LaunchHours.Skip(1)).All(p => p.First.ExtraQuestions > p.Second.ExtraQuestions));
        // 300 questions × 4 min / 60 × 1.25 = 25 agent-hours in the first hour.
        Assert.Equal(25, plan.LaunchHours[0].ExtraAgents);
    }

    [Fact]
    public void Calculate_ExactMultiple_DoesNotRoundUpAnExtraAgent()
    {
        var plan = StaffingCalculator.Calculate(new StaffingInputs(2250, 4, 0, 30));

        Assert.Equal(5, plan.Agents);
    }

    [Fact]
    public void Calculate_NonPositiveProductiveHours_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StaffingCalculator.Calculate(new StaffingInputs(2400, 4, 0.25, 0)));

    [Fact]
    public void Steps_WorkedExample_ShowsEachStep()
    {
        var steps = StaffingExplanation.Steps(StaffingCalculator.Calculate(new StaffingInputs(2400, 4, 0.25, 30, Reach: 500_000)));

        Assert.Equal("2,400 messages × 4 min / 60 = 160 h", steps[0].Value);
        Assert.Equal("160 h × (1 + 0.25) = 200 h", steps[1].Value);
        Assert.Equal("200 h / 30 productive h = 6.7 → 7 agents (rounded up)", steps[2].Value);
        Assert.Equal("500,000 reach × 0.05–0.2 % = 250–1,000 extra questions", steps[3].Value);
    }
}
