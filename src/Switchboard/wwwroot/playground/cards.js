// Renders expanded Adaptive Cards in the playground with the adaptivecards library, which the page loads from
// /vendor/adaptivecards.min.js (copied there by the build from src/Switchboard/web/node_modules).
//
//   const element = window.switchboardRenderCard(cardJson, onAction);
//   container.replaceChildren(element);
//
// cardJson is the card object (or its JSON text). onAction({ verb, token, inputs }) is called when a reviewer
// presses an Action.Execute or Action.Submit button: verb is approve|edit|escalate|retag, token the opaque action
// token from the card, inputs the values of the card's inputs by id (editedText, newIntent). Links open in a new tab.
(function () {
  "use strict";

  // Colours close to the Teams light theme, so the playground previews what reviewers will see there.
  const hostConfig = {
    fontFamily: "Segoe UI, system-ui, -apple-system, sans-serif",
    spacing: { small: 4, default: 8, medium: 16, large: 24, extraLarge: 32, padding: 12 },
    actions: { maxActions: 5, buttonSpacing: 8, showCard: { actionMode: "inline", inlineTopMargin: 8 } },
    containerStyles: {
      default: { backgroundColor: "#FFFFFF", foregroundColors: { default: { default: "#242424", subtle: "#616161" } } },
      emphasis: { backgroundColor: "#F5F5F5", foregroundColors: { default: { default: "#242424", subtle: "#616161" } } },
      accent: { backgroundColor: "#E8EBFA", foregroundColors: { default: { default: "#242424", subtle: "#616161" } } },
      good: { backgroundColor: "#E7F2DA", foregroundColors: { default: { default: "#242424", subtle: "#616161" } } },
      attention: { backgroundColor: "#FCF4F6", foregroundColors: { default: { default: "#242424", subtle: "#616161" } } },
      warning: { backgroundColor: "#FBF6D9", foregroundColors: { default: { default: "#242424", subtle: "#616161" } } },
    },
  };

  const reservedKeys = new Set(["token", "verb"]);

  // Minimal button styling so cards look like a chat client's even on a bare page; the page may override it.
  const css = `
    .ac-adaptiveCard { border: 1px solid #e0e0e0; border-radius: 6px; }
    .ac-pushButton { font: inherit; font-weight: 600; padding: 6px 14px; border-radius: 4px; cursor: pointer;
      border: 1px solid #d1d1d1; background: #fff; color: #242424; }
    .ac-pushButton:hover { background: #f5f5f5; }
    .ac-pushButton.style-positive { background: #5b5fc7; border-color: #5b5fc7; color: #fff; }
    .ac-pushButton.style-destructive { background: #fff; border-color: #c4314b; color: #c4314b; }
    .ac-pushButton[aria-expanded="true"] { background: #e8ebfa; }
    .ac-input, .ac-multichoiceInput { font: inherit; padding: 6px; border: 1px solid #d1d1d1; border-radius: 4px; width: 100%; box-sizing: border-box; }
    .ac-textInput.ac-multiline { min-height: 96px; }
  `;

  function ensureStyles() {
    if (document.getElementById("switchboard-card-styles")) {
      return;
    }
    const style = document.createElement("style");
    style.id = "switchboard-card-styles";
    style.textContent = css;
    document.head.appendChild(style);
  }

  function fallback(card, reason) {
    const element = document.createElement("pre");
    element.className = "card-fallback";
    element.textContent = (card && card.fallbackText ? card.fallbackText : "(card)") + "\n" + reason;
    return element;
  }

  function toAction(action) {
    // For Submit and Execute, action.data is the button's data merged with the values of the inputs it gathers.
    const data = action.data && typeof action.data === "object" ? action.data : {};
    const inputs = {};
    for (const key of Object.keys(data)) {
      if (!reservedKeys.has(key)) {
        inputs[key] = data[key];
      }
    }
    return { verb: action.verb || data.verb || null, token: data.token || null, inputs };
  }

  // Buttons carry data-verb (approve, edit, …; "show-<title>" for a ShowCard) so pages and tests can find them.
  function tagButtons(AC, actions) {
    for (const action of actions) {
      const element = action.renderedElement;
      if (element && !element.hasAttribute("data-verb")) {
        const data = action.data && typeof action.data === "object" ? action.data : {};
        const verb = action instanceof AC.ShowCardAction
          ? "show-" + String(action.title || "").toLowerCase()
          : action.verb || data.verb || String(action.title || "").toLowerCase();
        element.setAttribute("data-verb", verb);
      }
      if (action instanceof AC.ShowCardAction && action.card) {
        tagButtons(AC, action.card.getAllActions());
      }
    }
  }

  function renderCard(cardJson, onAction) {
    let card = typeof cardJson === "string" ? JSON.parse(cardJson) : cardJson;
    if (card && card.type !== "AdaptiveCard" && card.card && card.card.type === "AdaptiveCard") {
      // The playground renderer's payload ({kind, fallbackText, card}) works too.
      card = card.card;
    }
    const AC = window.AdaptiveCards;
    if (!AC) {
      return fallback(card, "(adaptivecards.min.js is not loaded: build with npm available to vendor it)");
    }

    ensureStyles();
    const adaptiveCard = new AC.AdaptiveCard();
    adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
    adaptiveCard.onExecuteAction = function (action) {
      if (action instanceof AC.OpenUrlAction) {
        window.open(action.url, "_blank", "noopener");
        return;
      }
      if (action instanceof AC.ExecuteAction || action instanceof AC.SubmitAction) {
        if (typeof onAction === "function") {
          onAction(toAction(action));
        }
      }
    };
    // An Action.ShowCard renders its card when first expanded: tag the buttons that appear then.
    adaptiveCard.onInlineCardExpanded = function (action) {
      if (action.card) {
        tagButtons(AC, action.card.getAllActions());
      }
    };
    adaptiveCard.parse(card);
    const element = adaptiveCard.render();
    if (!element) {
      return fallback(card, "(the card could not be rendered)");
    }
    tagButtons(AC, adaptiveCard.getAllActions());
    return element;
  }

  window.switchboardRenderCard = renderCard;
})();
