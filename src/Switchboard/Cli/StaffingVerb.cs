using System.CommandLine;
using Switchboard.Core.Campaigns;

namespace Switchboard.Cli;

/// <summary><c>switchboard staffing --messages N --handle-minutes M --buffer B --productive-hours H [--reach R] [--question-rate Q]</c>.</summary>
internal static class StaffingVerb
{
    public static Command Create()
    {
        var messages = new Option<double>("--messages") { Description = "Support messages per week.", Required = true };
        var handle = new Option<double>("--handle-minutes") { Description = "Average handle time in minutes.", Required = true };
        var buffer = new Option<double>("--buffer") { Description = "Buffer for spikes and QA as a fraction (0.25 = 25 %).", Required = true };
        var hours = new Option<double>("--productive-hours") { Description = "Productive hours per agent per week.", Required = true };
        var reach = new Option<long>("--reach") { Description = "Expected reach of a creator post (adds the campaign uplift)." };
        var rate = new Option<double?>("--question-rate") { Description = "Share of reach that asks a question, as a fraction; default range 0.0005–0.002 (0.05–0.2 %)." };
        var command = new Command("staffing", "Agents needed per week and extra agents per hour after a creator post, step by step.")
        {
            messages, handle, buffer, hours, reach, rate,
        };
        command.SetAction(parseResult =>
        {
            var inputs = new StaffingInputs(parseResult.GetValue(messages), parseResult.GetValue(handle), parseResult.GetValue(buffer), parseResult.GetValue(hours), parseResult.GetValue(reach));
            if (parseResult.GetValue(rate) is { } q)
            {
                inputs = inputs with { QuestionRateLow = Math.Min(q, inputs.QuestionRateLow), QuestionRateHigh = q };
            }

            return CampaignVerbs.Staffing(inputs, parseResult.InvocationConfiguration.Output);
        });
        return command;
    }
}
