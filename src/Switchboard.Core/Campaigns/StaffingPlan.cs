namespace Switchboard.Core.Campaigns;

/// <summary>The result of the staffing math, with every intermediate figure so it can be shown step by step.</summary>
public sealed record StaffingPlan(
    StaffingInputs Inputs,
    double HandleHours,
    double WeeklyAgentHours,
    double AgentsExact,
    int Agents,
    double ExtraQuestionsLow,
    double ExtraQuestionsHigh,
    IReadOnlyList<LaunchHour> LaunchHours);

/// <summary>One hour of the launch window: expected extra questions (high estimate) and the extra agents they need.</summary>
public sealed record LaunchHour(int Hour, double Share, double ExtraQuestions, double AgentHours, int ExtraAgents);
