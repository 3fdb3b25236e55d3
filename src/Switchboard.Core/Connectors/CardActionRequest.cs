namespace Switchboard.Core.Connectors;

/// <summary>
/// A button press (or modal submission) on a card, normalized by a connector.
/// </summary>
/// <param name="Token">The opaque action token carried by the button; storage maps it to case, action and case version.</param>
/// <param name="ActorId">The platform id of the person who pressed it.</param>
/// <param name="ActorHandle">Their handle, shown on the updated card.</param>
/// <param name="Connector">The connector it came through.</param>
/// <param name="EditedText">For Edit: the text the reviewer submitted.</param>
/// <param name="NewIntent">For Retag: the corrected intent.</param>
public sealed record CardActionRequest(
    string Token,
    string ActorId,
    string? ActorHandle,
    string Connector,
    string? EditedText = null,
    string? NewIntent = null,
    string? Assignee = null);

/// <summary>What happened to a card action; <see cref="Message"/> is shown to the person who pressed the button.</summary>
public sealed record CardActionResult(bool Accepted, string Message, long? CaseId = null)
{
    public static CardActionResult Refused(string message, long? caseId = null) => new(false, message, caseId);
}
