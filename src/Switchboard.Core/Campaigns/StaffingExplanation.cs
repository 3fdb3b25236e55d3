using System.Globalization;

namespace Switchboard.Core.Campaigns;

/// <summary>The staffing math as printable steps (CLI and kpi card show the same lines).</summary>
public static class StaffingExplanation
{
    public static IReadOnlyList<(string Step, string Value)> Steps(StaffingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var i = plan.Inputs;
        var c = CultureInfo.InvariantCulture;
        var steps = new List<(string, string)>
        {
            ("Handle hours", string.Create(c, $"{i.MessagesPerWeek:#,0.##} messages × {i.HandleMinutes:0.##} min / 60 = {plan.HandleHours:#,0.##} h")),
            ("Weekly agent hours", string.Create(c, $"{plan.HandleHours:#,0.##} h × (1 + {i.Buffer:0.##}) = {plan.WeeklyAgentHours:#,0.##} h")),
            ("Agents", string.Create(c, $"{plan.WeeklyAgentHours:#,0.##} h / {i.ProductiveHoursPerAgent:0.##} productive h = {plan.AgentsExact:0.0} → {plan.Agents} agents (rounded up)")),
        };
        if (i.Reach > 0)
        {
            steps.Add(("Campaign uplift", string.Create(c,
                $"{i.Reach:#,0} reach × {i.QuestionRateLow * 100:0.###}–{i.QuestionRateHigh * 100:0.###} % = {plan.ExtraQuestionsLow:#,0}–{plan.ExtraQuestionsHigh:#,0} extra questions")));
            foreach (var hour in plan.LaunchHours)
            {
                steps.Add((string.Create(c, $"Hour {hour.Hour} after the post"), string.Create(c,
                    $"{hour.Share * 100:0} % of {plan.ExtraQuestionsHigh:#,0} = {hour.ExtraQuestions:0} questions × {i.HandleMinutes:0.##} min × (1 + {i.Buffer:0.##}) = {hour.AgentHours:0.0} agent-h → +{hour.ExtraAgents} agents")));
            }
        }

        return steps;
    }
}
