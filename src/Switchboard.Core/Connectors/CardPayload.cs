using System.Text.Json.Nodes;

namespace Switchboard.Core.Connectors;

/// <summary>
/// An expanded Adaptive Card (schema 1.5) plus what a surface renderer needs beside it. Connectors render
/// <see cref="Card"/> to their native format (Block Kit, embed + components, HTML + inline keyboard, …).
/// </summary>
/// <param name="Kind">The card template ("review", "incident", "sla", "factsheet", "checklist", "kpi").</param>
/// <param name="Card">The expanded Adaptive Card JSON.</param>
/// <param name="FallbackText">Plain text for notifications and surfaces that cannot show the card.</param>
public sealed record CardPayload(string Kind, JsonObject Card, string FallbackText);
