// maltrace serve: the plan map without reloads, the edits, and live updates.
// The page works without this file (links and a GET form); this adds editing and speed.
"use strict";
(function () {
  const body = document.body;
  let version = body.dataset.version;
  let busy = false;

  function word(key, params) {
    const tpl = document.getElementById("words");
    const el = tpl && tpl.content.querySelector('[data-key="' + key + '"]');
    let text = el ? el.textContent : key;
    for (const [k, v] of Object.entries(params || {})) text = text.replace("{" + k + "}", v);
    return text;
  }

  function flash(text, bad) {
    const box = document.getElementById("flash");
    box.textContent = text;
    box.classList.toggle("bad", !!bad);
  }

  function reveal(root) {
    for (const el of root.querySelectorAll("[data-js]")) el.hidden = false;
  }

  function sameOrigin(href) {
    const u = new URL(href, location.href);
    return u.origin === location.origin && (u.pathname === "/" || u.pathname === location.pathname);
  }

  async function go(href, opts) {
    opts = opts || {};
    const response = await fetch(href, { headers: { Accept: "text/html" }, credentials: "same-origin" });
    if (!response.ok) { location.href = href; return; }
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    const fresh = doc.getElementById("app");
    const app = document.getElementById("app");
    if (!fresh || !app) { location.href = href; return; }
    app.replaceWith(fresh);
    version = doc.body.dataset.version;
    body.dataset.version = version;
    document.title = doc.title;
    for (const sel of ["nav.langs", "header.top nav:not(.langs)"]) {
      const a = document.querySelector(sel), b = doc.querySelector(sel);
      if (a && b) a.replaceWith(b);
    }
    const undo = document.getElementById("undo");
    if (undo) undo.disabled = fresh.dataset.canUndo !== "true" || body.dataset.writable !== "true";
    reveal(fresh);
    if (opts.push) history.pushState(null, "", href);
    else if (opts.replace) history.replaceState(null, "", href);
    if (opts.focus === "panel") {
      const panel = document.getElementById("panel");
      if (panel) panel.focus({ preventScroll: true });
    } else if (opts.focus) {
      const node = document.querySelector('a.node[data-node="' + CSS.escape(opts.focus) + '"]');
      if (node) node.focus({ preventScroll: true });
    }
  }

  function currentNode() {
    return new URL(location.href).searchParams.get("node");
  }

  document.addEventListener("click", function (event) {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const link = target.closest("#app a[href]");
    if (link && sameOrigin(link.href) && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      const url = new URL(link.href);
      const node = url.searchParams.get("node");
      const closing = link.id === "panel-close";
      go(link.href, { push: true, focus: node ? "panel" : (closing ? currentNode() : null) });
      return;
    }
    const remove = target.closest("button.remove");
    if (remove) {
      const node = remove.closest("aside").querySelector("section.edit").dataset.node;
      edit("links", { node: node, remove: [remove.dataset.remove] });
    }
  });

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.classList.contains("filters")) {
      event.preventDefault();
      const params = new URLSearchParams(new FormData(form));
      for (const [k, v] of [...params]) if (!v) params.delete(k);
      const action = form.getAttribute("action") || location.pathname;
      go(action + (params.toString() ? "?" + params : ""), { push: true });
      return;
    }
    const api = form.dataset.api;
    if (!api) return;
    event.preventDefault();
    const node = form.closest("section.edit").dataset.node;
    const data = new FormData(form);
    if (api === "links") edit("links", { node: node, add: [String(data.get("add")).trim()] });
    else if (api === "status") edit("status", { node: node, status: data.get("status") });
    else if (api === "reason") {
      const text = String(data.get("reason")).trim();
      edit("reason", { node: node, reason: text ? text : null });
    }
  });

  async function edit(api, payload) {
    if (busy) return;
    busy = true;
    try {
      const response = await fetch("/api/" + api, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(Object.assign({}, payload, { base: version })),
      });
      let answer = {};
      try { answer = await response.json(); } catch (e) { answer = { message: word("internal") }; }
      if (response.ok) {
        version = answer.version;
        const files = (answer.files || []).join(", ");
        const focus = payload.node ? "panel" : currentNode();
        await go(location.href, { focus: focus });
        flash(files ? word(api === "undo" ? "undone" : "saved", { files: files }) : word("unchanged"));
      } else {
        if (response.status === 409) await go(location.href, { focus: "panel" });
        flash(answer.message || word("internal"), true);
      }
    } finally {
      busy = false;
    }
  }

  document.addEventListener("keydown", function (event) {
    const el = document.activeElement;
    const typing = el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");
    if (event.key === "/" && !typing) {
      const q = document.getElementById("q");
      if (q) { event.preventDefault(); q.focus(); }
    } else if (event.key === "Escape" && currentNode()) {
      const node = currentNode();
      const url = new URL(location.href);
      url.searchParams.delete("node");
      go(url.toString(), { push: true, focus: node });
    }
  });

  window.addEventListener("popstate", function () { go(location.href, {}); });

  const undo = document.getElementById("undo");
  if (undo) undo.addEventListener("click", function () { edit("undo", {}); });

  if (window.EventSource) {
    const events = new EventSource("/api/events");
    events.addEventListener("version", function (event) {
      const fresh = JSON.parse(event.data);
      if (fresh !== version && !busy) {
        const focused = document.activeElement;
        const keep = focused && focused.closest && focused.closest("aside") ? "panel" : null;
        go(location.href, { focus: keep }).then(function () { flash(word("updated")); });
      }
    });
  }

  reveal(document);
})();
