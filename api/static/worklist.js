// The biller's worklist page: import an 835, work the queue (soonest due first, overdue marked),
// open an item, attach the note, draft, download the DOCX letter, record submission and outcome.
// Plain script, no build step, no CDN; talks to the same /v1 API as every other client.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const config = JSON.parse(document.body.dataset.config || "{}");
  const store = window.sessionStorage;
  let current = null;
  let letterUrl = null;
  let attachedText = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else node.setAttribute(k, v);
    }
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  }

  function showError(message) {
    $("error").textContent = message || "";
    $("error").hidden = !message;
  }

  async function api(path, { method = "GET", json, raw, contentType, blob = false } = {}) {
    const headers = {};
    const key = $("api-key").value.trim();
    if (key) headers["X-API-Key"] = key;
    let body;
    if (json !== undefined) { headers["Content-Type"] = "application/json"; body = JSON.stringify(json); }
    if (raw !== undefined) { headers["Content-Type"] = contentType || "application/edi-x12"; body = raw; }
    const resp = await fetch("v1" + path, { method, headers, body });
    if (!resp.ok) {
      let detail = resp.status + " " + resp.statusText;
      try { const p = await resp.json(); detail = p.detail || p.title || detail; } catch (e) { /* not JSON */ }
      if (resp.status === 401) $("settings").open = true;
      throw new Error(detail);
    }
    return blob ? resp.blob() : resp.json();
  }

  const money = (v) => "$" + Number(v).toFixed(2);

  function queueParams() {
    const p = new URLSearchParams({ sort: $("sort").value, per_page: "200" });
    if ($("due").value) p.set("due", $("due").value);
    if ($("status").value) p.set("status", $("status").value);
    if ($("payer").value.trim()) p.set("payer", $("payer").value.trim());
    return p.toString();
  }

  async function loadQueue() {
    showError("");
    try {
      const page = await api("/worklist?" + queueParams());
      const body = $("queue").querySelector("tbody");
      body.replaceChildren(...page.items.map(row));
      $("empty").hidden = page.items.length > 0;
      $("counts").textContent = `${page.total} items · ${page.other_code_denials} other codes' denials counted`;
    } catch (e) { showError(e.message); }
  }

  function row(item) {
    const left = item.overdue ? el("span", { class: "tag overdue" }, "overdue")
      : (item.days_left === null ? "–" : item.days_left + " d");
    const tr = el("tr", { "data-id": item.id, class: item.overdue ? "overdue" : "" },
      el("td", {}, item.due_date || "–"), el("td", { class: "left" }, left), el("td", {}, item.status),
      el("td", { class: "payer", title: item.payer }, item.payer), el("td", {}, item.service_date || "–"),
      el("td", {}, item.procedure + (item.modifiers.length ? ":" + item.modifiers.join("/") : "")),
      el("td", {}, item.denial), el("td", { class: "num" }, money(item.denied)),
      el("td", { class: "num" }, money(item.expected_recovery)),
      el("td", {}, item.action + " / " + (item.route || "–")));
    if (current && current.id === item.id) tr.classList.add("selected");
    tr.addEventListener("click", () => openItem(item.id));
    return tr;
  }

  async function upload(event) {
    event.preventDefault();
    showError("");
    const file = $("era-file").files[0];
    if (!file) { showError("Choose an 835 file first."); return; }
    $("upload").disabled = true;
    try {
      const s = await api("/era?filename=" + encodeURIComponent(file.name), { method: "POST", raw: await file.text() });
      const text = s.already_imported ? `${file.name} was imported before; nothing changed.`
        : `${file.name}: ${s.claims} claims, ${s.cts_denials} caregiver-training denials, `
          + `${s.items_created} new items, ${s.other_denials} other codes' denials counted`
          + (s.problems.length ? `; ${s.problems.length} skipped` : "");
      $("import-summary").textContent = text;
      $("import-summary").hidden = false;
      await loadQueue();
    } catch (e) { showError(e.message); } finally { $("upload").disabled = false; }
  }

  function fact(list, label, value) {
    list.append(el("dt", {}, label), el("dd", {}, value === null || value === "" ? "–" : value));
  }

  function renderItem(item) {
    current = item;
    $("item").hidden = false;
    $("item-id").textContent = "#" + item.id;
    const facts = $("facts");
    facts.replaceChildren();
    fact(facts, "Patient", `${item.patient} (${item.member_id})`);
    fact(facts, "Claim", `${item.claim_number} · account ${item.patient_control_number}`);
    fact(facts, "Payer", `${item.payer} (${item.payer_type})`);
    fact(facts, "Service",
      `${item.service_date || "–"} · ${item.procedure} ${item.modifiers.join(" ")} × ${item.units}`);
    fact(facts, "Amounts", `charged ${money(item.charge)}, paid ${money(item.paid)}, denied ${money(item.denied)}`);
    const level = item.level ? " (level " + item.level + ")" : "";
    fact(facts, "Action", `${item.action} · ${item.route || "nothing to file"}${level}`);
    fact(facts, "Status", item.status + (item.assignee ? " · " + item.assignee : ""));
    $("codes").replaceChildren(...item.codes.map((c) => el("li", {},
      `${c.group ? c.group + "-" : ""}${c.code}${c.amount !== null ? " " + money(c.amount) : ""}: `
      + (c.meaning || "not in the knowledge base"))));
    const d = $("deadline");
    d.className = "deadline" + (item.overdue ? " overdue" : "");
    const open = ["new", "drafted", "submitted"].includes(item.status);
    const recovered = item.recovered !== null ? `, recovered ${money(item.recovered)}` : "";
    if (!open) d.textContent = `Closed: ${item.status}${recovered}`
      + (item.status_reason ? ` (${item.status_reason})` : "");
    else if (item.due_date) d.textContent = `${item.overdue ? "OVERDUE · " : ""}`
      + `Due ${item.due_date} (${item.days_left} days): `
      + `${item.deadline_title} — ${item.deadline_basis}`;
    else d.textContent = item.deadline_basis;
    $("draft-box").hidden = !item.draft;
    $("download").hidden = true;  // shown once the letter has been fetched
    if (item.draft) $("recommendation").textContent = "Draft: " + item.draft.recommendation;
    $("next-status").replaceChildren(...item.next_statuses.map((s) => el("option", { value: s }, s)));
    $("set-status").disabled = item.next_statuses.length === 0;
    // the action named once: a detail that opens with it ("note attached (598 characters)") is said alone
    const said = (h) => !h.to_status && h.detail.startsWith(h.action + " ") ? h.detail : h.action
      + (h.to_status ? ` ${h.from_status || "–"} → ${h.to_status}` : "") + (h.detail ? ` (${h.detail})` : "");
    $("history").replaceChildren(...item.history.map((h) => el("li", {},
      `${h.at.slice(0, 16).replace("T", " ")} ${h.actor}: ${said(h)}`)));
    for (const tr of $("queue").querySelectorAll("tbody tr")) {
      tr.classList.toggle("selected", Number(tr.dataset.id) === item.id);
    }
  }

  async function openItem(id) {
    showError("");
    if (!current || current.id !== id) { $("note").value = ""; attachedText = null; }
    try { renderItem(await api("/worklist/" + id)); await prepareLetter(); } catch (e) { showError(e.message); }
  }

  function noteBody() {
    const text = $("note").value;
    if (!text.trim()) throw new Error("Paste the note or choose a note file first.");
    try {
      const doc = JSON.parse(text);
      if (doc && doc.resourceType === "DocumentReference") return { document: doc };
    } catch (e) { /* plain text */ }
    return { text };
  }

  async function attach() {
    showError("");
    try {
      renderItem(await api(`/worklist/${current.id}/note`, { method: "PUT", json: noteBody() }));
      attachedText = $("note").value;
    } catch (e) { showError(e.message); }
  }

  async function prepareLetter() {
    if (letterUrl) { URL.revokeObjectURL(letterUrl); letterUrl = null; }
    if (!current || !current.draft) return;
    const blob = await api(`/worklist/${current.id}/draft?format=docx`, { blob: true });
    letterUrl = URL.createObjectURL(blob);
    $("download").href = letterUrl;
    $("download").download = `worklist-${current.id}-letter.docx`;
    $("download").hidden = false;
  }

  async function draft() {
    showError("");
    $("draft").disabled = true;
    try {
      // The attached note is used unless the text was changed since it was attached.
      const changed = $("note").value.trim() && $("note").value !== attachedText;
      const body = changed ? noteBody() : {};
      const reply = await api(`/worklist/${current.id}/draft`, { method: "POST", json: body });
      renderItem(reply.item);
      await prepareLetter();
      await loadQueue();
    } catch (e) { showError(e.message); } finally { $("draft").disabled = false; }
  }

  async function setStatus() {
    showError("");
    const change = { status: $("next-status").value };
    if ($("reason").value.trim()) change.reason = $("reason").value.trim();
    if ($("recovered").value) change.recovered = Number($("recovered").value);
    try {
      renderItem(await api("/worklist/" + current.id, { method: "PATCH", json: change }));
      $("reason").value = ""; $("recovered").value = "";
      await loadQueue();
    } catch (e) { showError(e.message); }
  }

  function init() {
    $("api-key").value = store.getItem("cts.apiKey") || "";
    $("api-key").addEventListener("change", () => {
      store.setItem("cts.apiKey", $("api-key").value.trim());
      loadQueue();
    });
    if (config.keyRequired) $("api-key").placeholder = "required: the API key your administrator gave you";
    if (config.keyRequired && !$("api-key").value) $("settings").open = true;
    $("upload-form").addEventListener("submit", upload);
    for (const id of ["due", "status", "sort"]) $(id).addEventListener("change", loadQueue);
    $("payer").addEventListener("change", loadQueue);
    $("note-file").addEventListener("change", async () => {
      const file = $("note-file").files[0];
      if (file) $("note").value = await file.text();
    });
    $("attach").addEventListener("click", attach);
    $("draft").addEventListener("click", draft);
    $("set-status").addEventListener("click", setStatus);
    loadQueue();
  }

  init();
})();
