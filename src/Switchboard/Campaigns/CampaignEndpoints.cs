using Microsoft.AspNetCore.Http.HttpResults;
using Switchboard.Connectors.Playground;
using Switchboard.Core.Campaigns;
using Switchboard.Core.Connectors;

namespace Switchboard.Campaigns;

/// <summary>
/// POST /playground/api/commands {channelId, reviewer, text}: runs a campaign or staffing command typed in a
/// playground channel; the answer card lands in that channel through the outbox, like any card.
/// </summary>
internal static class CampaignEndpoints
{
    public static IEndpointRouteBuilder MapCampaignCommands(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/playground/api/commands", PostCommandAsync);
        return endpoints;
    }

    internal static async Task<Results<Ok<CampaignCommandReply>, ProblemHttpResult>> PostCommandAsync(
        PlaygroundCommandRequest request,
        CampaignCommands commands,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.ChannelId) || string.IsNullOrWhiteSpace(request.Reviewer) || string.IsNullOrWhiteSpace(request.Text))
        {
            return TypedResults.Problem("A command needs channelId, reviewer and text.", statusCode: 400);
        }

        if (!CampaignCommands.IsCommand(request.Text))
        {
            return TypedResults.Problem(CampaignCommands.Usage, statusCode: 400);
        }

        var reply = await commands.PostReplyAsync(
            new CampaignCommand(request.Text, request.Reviewer, new ChannelAddress(PlaygroundConnector.ConnectorName, request.ChannelId)),
            cancellationToken);
        return TypedResults.Ok(reply);
    }
}
