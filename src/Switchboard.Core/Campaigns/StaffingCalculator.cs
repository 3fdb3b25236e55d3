namespace Switchboard.Core.Campaigns;

/// <summary>
/// The playbook's staffing math. Weekly agent hours = messages × handle minutes / 60 × (1 + buffer); agents =
/// ceil(hours / productive hours per agent). Campaign uplift = reach × question rate, low and high; the launch window
/// staffs for the high estimate with the peak in the first six hours after a post (<see cref="PeakProfile"/>).
/// </summary>
public static class StaffingCalculator
{
    public const double DefaultQuestionRateLow = 0.0005;
    public const double DefaultQuestionRateHigh = 0.002;

    /// <summary>
    /// Share of a post's extra questions arriving in each of the first six hours (sums to 1). Comment velocity is
    /// highest right after posting and decays; the playbook asks to plan coverage for those six hours.
    /// </summary>
    public static readonly IReadOnlyList<double> PeakProfile = [0.30, 0.22, 0.16, 0.13, 0.10, 0.09];

    public static StaffingPlan Calculate(StaffingInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.MessagesPerWeek < 0 || inputs.HandleMinutes <= 0 || inputs.Buffer < 0 || inputs.ProductiveHoursPerAgent <= 0
            || inputs.Reach < 0 || inputs.QuestionRateLow < 0 || inputs.QuestionRateHigh < inputs.QuestionRateLow)
        {
            throw new ArgumentOutOfRangeException(nameof(inputs), "messages ≥ 0, handle minutes > 0, buffer ≥ 0, productive hours > 0, reach ≥ 0 and 0 ≤ low rate ≤ high rate");
        }

        var handleHours = inputs.MessagesPerWeek * inputs.HandleMinutes / 60.0;
        var weekly = handleHours * (1 + inputs.Buffer);
        var exact = weekly / inputs.ProductiveHoursPerAgent;

        // Rounded to 9 places first so 200.0000000001 / 30 style float noise cannot add an agent.
        var agents = (int)Math.Ceiling(Math.Round(exact, 9));
        var low = inputs.Reach * inputs.QuestionRateLow;
        var high = inputs.Reach * inputs.QuestionRateHigh;
        var hours = PeakProfile.Select((share, i) =>
        {
            var questions = high * share;
            var agentHours = questions * inputs.HandleMinutes / 60.0 * (1 + inputs.Buffer);
            return new LaunchHour(i + 1, share, questions, agentHours, (int)Math.Ceiling(Math.Round(agentHours, 9)));
        }).ToArray();
        return new StaffingPlan(inputs, handleHours, weekly, exact, agents, low, high, hours);
    }
}
