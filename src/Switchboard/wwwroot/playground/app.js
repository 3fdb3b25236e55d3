// Switchboard playground: post as customers into simulated channels, watch review cards arrive in the
// team channels, and act on them. Polls the feed; every change is stored server-side, so a reload keeps it.
(() => {
  "use strict";
  const $ = (sel) => document.querySelector(sel);
  const posts = new Map();
  let revision = 0;
  let channels = { customerChannels: [], teamChannels: [], reviewers: [] };

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "class") node.className = v;
      else if (k.startsWith("data-")) node.setAttribute(k, v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node[k] = v;
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  };

  function channelPanel(id, title, subtitle) {
    return el("div", { class: "channel", "data-channel": id },
      el("h2", {}, title, el("small", {}, subtitle)),
      el("div", { class: "posts", "data-testid": `posts-${id}` }));
  }

  async function loadChannels() {
    const res = await fetch("/playground/api/channels");
    channels = await res.json();
    const select = $("#composer-channel");
    for (const c of channels.customerChannels) {
      select.append(el("option", { value: c.id, textContent: c.name }));
      $("#customer-channels").append(channelPanel(c.id, c.name, c.public ? "public" : "private"));
    }
    for (const t of channels.teamChannels) {
      $("#team-channels").append(channelPanel(t.id, t.name, "review channel"));
      $("#launch-channel").append(el("option", { value: t.id, textContent: t.name, selected: t.team === "campaign_ops" }));
    }
    const reviewer = $("#reviewer");
    for (const r of channels.reviewers) reviewer.append(el("option", { value: r, textContent: "@" + r }));
  }

  // A small Adaptive Card renderer for the elements Switchboard's cards use; the reference renderer
  // (cards.js + /vendor/adaptivecards.min.js) takes over when it is installed.
  function renderCardFallback(card, onAction) {
    const root = el("div", { class: "sb-card" });
    const renderItems = (items, parent) => {
      for (const item of items || []) {
        if (item.type === "TextBlock") {
          const cls = [item.weight === "Bolder" && item.size ? "ac-title" : "", item.isSubtle ? "subtle" : "", item.color === "Good" ? "good" : ""].join(" ");
          parent.append(el("div", { class: cls.trim(), textContent: item.text || "" }));
        } else if (item.type === "FactSet") {
          const dl = el("dl", { class: "facts" });
          for (const f of item.facts || []) dl.append(el("dt", { textContent: f.title }), el("dd", { textContent: f.value }));
          parent.append(dl);
        } else if (item.type === "Container" || item.type === "Column") {
          renderItems(item.items, parent);
        } else if (item.type === "ColumnSet") {
          for (const col of item.columns || []) renderItems(col.items, parent);
        } else if (item.type === "Input.Text") {
          parent.append(el("textarea", { "data-input": item.id, value: item.value || "", placeholder: item.placeholder || "", rows: 3 }));
        } else if (item.type === "Input.ChoiceSet") {
          const sel = el("select", { "data-input": item.id });
          for (const ch of item.choices || []) sel.append(el("option", { value: ch.value, textContent: ch.title }));
          if (item.value) sel.value = item.value;
          parent.append(sel);
        } else if (item.type === "ActionSet") {
          renderActions(item.actions, parent);
        }
      }
    };
    const renderActions = (actions, parent) => {
      if (!actions || !actions.length) return;
      const bar = el("div", { class: "actions" });
      for (const a of actions) {
        if (a.type === "Action.ShowCard") {
          const sub = el("div", { hidden: true });
          bar.append(el("button", { type: "button", textContent: a.title, "data-verb": "show-" + (a.id || a.title.toLowerCase()), onclick: () => { sub.hidden = !sub.hidden; } }));
          renderItems(a.card && a.card.body, sub);
          renderActions(a.card && a.card.actions, sub);
          parent.append(bar, sub);
          continue;
        }
        if (a.type !== "Action.Execute" && a.type !== "Action.Submit") continue;
        const verb = a.verb || (a.data && a.data.verb) || a.title.toLowerCase();
        bar.append(el("button", {
          type: "button", textContent: a.title, "data-verb": verb,
          onclick: () => {
            const inputs = {};
            root.querySelectorAll("[data-input]").forEach((i) => { inputs[i.getAttribute("data-input")] = i.value; });
            onAction({ verb, token: a.data && a.data.token, inputs });
          },
        }));
      }
      parent.append(bar);
    };
    renderItems(card.body, root);
    renderActions(card.actions, root);
    return root;
  }

  async function act(post, action, toastHost) {
    const reviewer = $("#reviewer").value;
    let editedText = action.inputs && action.inputs.editedText;
    let newIntent = action.inputs && action.inputs.newIntent;
    if (action.verb === "edit" && !editedText) {
      editedText = window.prompt("Edited reply", "");
      if (editedText == null) return;
    }
    if (action.verb === "retag" && !newIntent) {
      newIntent = window.prompt("New intent (billing, order_status, product_issue, outage, trust_safety, account, pre_sales, promo_campaign, reputation_risk, feedback, noise)", "");
      if (newIntent == null) return;
    }
    const res = await fetch("/playground/api/actions", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: action.token, reviewer, editedText, newIntent }),
    });
    const body = await res.json();
    const toast = el("div", { class: "toast" + (body.accepted ? " ok" : ""), "data-testid": "action-result", textContent: body.message || body.detail || "Action failed." });
    toastHost.append(toast);
    setTimeout(() => toast.remove(), 6000);
    poll();
  }

  function renderPost(post) {
    const existing = document.querySelector(`[data-post-id="${post.id}"]`);
    let node;
    if (post.kind === "card" && post.card) {
      node = el("div", { class: "post card", "data-post-id": post.id, "data-testid": "card" });
      const render = window.switchboardRenderCard || renderCardFallback;
      const holder = el("div");
      node.append(holder);
      try {
        holder.append(render(post.card, (action) => act(post, action, node)));
      } catch (e) {
        holder.append(renderCardFallback(post.card, (action) => act(post, action, node)));
      }
    } else {
      node = el("div", { class: "post " + post.kind, "data-post-id": post.id, "data-testid": post.kind },
        el("span", { class: "who", textContent: post.author }),
        el("span", { class: "text", textContent: post.text || "" }),
        post.conversationId && post.conversationId !== post.channelId ? el("span", { class: "conv", textContent: "(" + post.conversationId.split(":").pop() + ")" }) : null);
    }
    if (existing) existing.replaceWith(node);
    else {
      const list = document.querySelector(`[data-testid="posts-${post.channelId}"]`);
      if (list) { list.append(node); list.scrollTop = list.scrollHeight; }
    }
  }

  let polling = false;
  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const res = await fetch(`/playground/api/feed?since=${revision}`);
      const body = await res.json();
      for (const p of body.posts) { posts.set(p.id, p); renderPost(p); }
      revision = body.revision;
    } catch (e) {
      // The host may be restarting; the next poll catches up.
    } finally {
      polling = false;
    }
  }

  async function send(ev) {
    ev.preventDefault();
    const status = $("#composer-status");
    const voice = $("#composer-voice").files[0];
    let res;
    if (voice) {
      const form = new FormData();
      form.append("channelId", $("#composer-channel").value);
      form.append("author", $("#composer-author").value);
      form.append("text", $("#composer-text").value);
      form.append("file", voice);
      res = await fetch("/playground/api/voice", { method: "POST", body: form });
    } else {
      res = await fetch("/playground/api/messages", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ channelId: $("#composer-channel").value, author: $("#composer-author").value, text: $("#composer-text").value }),
      });
    }
    if (res.ok) {
      status.className = "status";
      status.textContent = "Stored. Triage and routing run in the background…";
      $("#composer-text").value = "";
      $("#composer-voice").value = "";
    } else {
      const problem = await res.json().catch(() => ({}));
      status.className = "status error";
      status.textContent = problem.detail || problem.title || `Not accepted (${res.status}).`;
    }
    poll();
  }

  // The campaign chat commands, as a team types them on the platforms: the answer card lands in the chosen team channel.
  async function command(text) {
    const result = $("#launch-result");
    const res = await fetch("/playground/api/commands", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ channelId: $("#launch-channel").value, reviewer: $("#reviewer").value, text }),
    });
    const body = await res.json().catch(() => ({}));
    result.className = res.ok && body.ok ? "status" : "status error";
    result.textContent = res.ok ? body.text : (body.detail || body.title || `Not accepted (${res.status}).`);
    poll();
  }

  for (const button of document.querySelectorAll("#launch button[data-command]")) {
    button.addEventListener("click", () => command(`/campaign ${button.dataset.command} ${$("#launch-campaign").value.trim()}`));
  }
  $("#launch").addEventListener("submit", (ev) => { ev.preventDefault(); command($("#launch-text").value.trim()); });

  $("#composer").addEventListener("submit", send);
  loadChannels().then(() => { poll(); setInterval(poll, 600); });
})();
