namespace Switchboard.Core.Campaigns;

/// <summary>
/// Inputs of the staffing math. <see cref="Buffer"/> is a fraction (0.25 = 25 %); question rates are fractions of reach
/// (0.0005–0.002 = 0.05–0.2 %, the playbook's starting range).
/// </summary>
public sealed record StaffingInputs(
    double MessagesPerWeek,
    double HandleMinutes,
    double Buffer,
    double ProductiveHoursPerAgent,
    long Reach = 0,
    double QuestionRateLow = StaffingCalculator.DefaultQuestionRateLow,
    double QuestionRateHigh = StaffingCalculator.DefaultQuestionRateHigh);
