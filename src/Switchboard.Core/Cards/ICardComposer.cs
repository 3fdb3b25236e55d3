using System.Text.Json.Nodes;
using Switchboard.Core.Connectors;

namespace Switchboard.Core.Cards;

/// <summary>Expands a card template of a kind ("review", "incident", …) with its data into an Adaptive Card.</summary>
public interface ICardComposer
{
    CardPayload Compose(string kind, JsonObject data);
}
