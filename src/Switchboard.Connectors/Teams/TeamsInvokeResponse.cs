using System.Text.Json.Nodes;

namespace Switchboard.Connectors.Teams;

/// <summary>What /api/messages answers: an HTTP status and, for invokes, the invoke response body.</summary>
internal sealed record TeamsInvokeResponse(int HttpStatus, JsonObject? Body)
{
    public static readonly TeamsInvokeResponse Ok = new(200, null);

    /// <summary>Action.Execute answer: the card that replaces the clicked one for the person who clicked.</summary>
    public static TeamsInvokeResponse Card(JsonObject card) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = Core.Cards.Rendering.Teams.TeamsCardRenderer.ContentType,
        ["value"] = card,
    });

    /// <summary>Universal Actions error answer (Teams shows the message).</summary>
    public static TeamsInvokeResponse Error(int statusCode, string code, string message) => new(200, new JsonObject
    {
        ["statusCode"] = statusCode,
        ["type"] = "application/vnd.microsoft.error",
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });
}
