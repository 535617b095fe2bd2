/* CTS documentation sidebar. Vanilla JS, no build, no third-party code.
 *
 * - Note text is only ever inserted as text nodes (never innerHTML), and never stored.
 * - SMART EHR launch (?iss=&launch=) with PKCE S256 when the server has a SMART client id;
 *   the access token lives in memory only. Otherwise the API key field is used.
 * - Evidence spans are code-point offsets into the submitted text (Python str indices).
 */
(function () {
  "use strict";

  const config = JSON.parse(document.body.dataset.config || "{}");
  // The API lives next to this page (works behind a path prefix and a TLS-terminating proxy).
  const apiBase = new URL(".", location.href).href.replace(/\/$/, "");
  const $ = (id) => document.getElementById(id);
  const STATUS_TEXT = { met: "met", missing: "missing", problem: "problem", not_applicable: "n/a", unclear: "unclear" };

  let lastText = "";        // the text the current report's offsets point into
  let lastReport = null;
  let lastDraft = null;     // {kind, path, body}
  let smart = null;         // {iss, token} after an EHR launch

  // ---------- storage ----------
  // Third-party iframes may be denied sessionStorage. Fall back to memory, and for the SMART
  // launch state (which must survive the authorize redirect) to window.name, which persists
  // across navigations of this frame.
  const memory = {};
  const store = {
    get(key) {
      try { return sessionStorage.getItem(key); } catch (e) { /* storage denied */ }
      if (key in memory) return memory[key];
      try { return JSON.parse(window.name || "{}")[key] || null; } catch (e) { return null; }
    },
    set(key, value) {
      try { sessionStorage.setItem(key, value); return; } catch (e) { /* storage denied */ }
      memory[key] = value;
      if (key.startsWith("cts.smart.")) window.name = JSON.stringify({ [key]: value });
    },
    remove(key) {
      try { sessionStorage.removeItem(key); } catch (e) { /* storage denied */ }
      delete memory[key];
      if (key.startsWith("cts.smart.")) window.name = "";
    },
  };

  // ---------- helpers ----------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v; else if (k.startsWith("data-")) node.setAttribute(k, v); else node[k] = v;
    }
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message || "";
    box.hidden = !message;
  }

  function apiKey() {
    return $("api-key").value.trim();
  }

  async function api(path, body, { blob = false } = {}) {
    const headers = { "Content-Type": "application/json" };
    const key = apiKey();
    if (key) headers["X-API-Key"] = key;
    const resp = await fetch(apiBase + path, {
      method: body === undefined ? "GET" : "POST", headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!resp.ok) {
      let detail = resp.status + " " + resp.statusText;
      try { const p = await resp.json(); detail = p.detail || p.title || detail; } catch (e) { /* not JSON */ }
      if (resp.status === 401) $("settings").open = true;
      throw new Error(detail);
    }
    return blob ? resp.blob() : resp.json();
  }

  function noteRequest() {
    const text = $("note").value;
    if (!text.trim()) throw new Error("Paste a note first.");
    const body = { text };
    if ($("dos").value) body.dos = $("dos").value;
    return body;
  }

  function busy(button, on) {
    button.disabled = on;
    button.classList.toggle("busy", on);
  }

  // ---------- check ----------
  async function runCheck() {
    showError("");
    const button = $("run-check");
    let body;
    try { body = noteRequest(); } catch (e) { showError(e.message); return; }
    body.profile = $("profile").value;
    if ($("billed").value.trim()) body.billed = $("billed").value.trim();
    busy(button, true);
    try {
      const report = await api("/v1/check", body);
      lastText = body.text;
      lastReport = report;
      renderReport(report);
      showNoteView(null);
    } catch (e) {
      showError(e.message);
    } finally {
      busy(button, false);
    }
  }

  function renderReport(report) {
    const s = report.summary;
    $("summary").textContent = (s.ready_to_bill ? "Ready to bill. " : "Not ready to bill. ") +
      `${s.blocking} blocking, ${s.warnings} warnings, ${s.unclear} unclear.`;
    $("summary").className = "summary " + (s.ready_to_bill ? "ok" : s.blocking ? "bad" : "warn");
    const list = $("elements");
    $("results").append($("detail"));  // take the explanation out of the list before clearing it
    list.replaceChildren();
    for (const check of report.checks) {
      const button = el("button", { type: "button", class: "element", "data-check": check.id },
        el("span", { class: "badge " + check.status }, STATUS_TEXT[check.status] || check.status),
        el("span", { class: "label" }, check.label || check.id),
        check.evidence.length ? el("span", { class: "count", title: "evidence spans" }, check.evidence.length) : "");
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", () => selectElement(check.id));
      list.append(el("li", { class: "sev-" + check.severity }, button));
    }
    $("results").hidden = false;
    $("detail").hidden = true;
    renderBilling(report);
  }

  function renderBilling(report) {
    const t = report.time || {};
    $("minutes").textContent = t.total_minutes != null ? `Total CTS time: ${t.total_minutes} min` : "No CTS minutes found.";
    const lines = $("lines");
    lines.replaceChildren();
    const pay = report.billing.payment;
    for (const line of report.billing.lines) {
      const amount = pay && pay.lines ? pay.lines.find((p) => p.code === line.code) : null;
      const mods = line.modifiers && line.modifiers.length ? " " + line.modifiers.join(" ") : "";
      lines.append(el("li", {}, `${line.code} x${line.units}${mods}`, amount ? `  $${amount.amount.toFixed(2)}` : ""));
    }
    if (!report.billing.lines.length) lines.append(el("li", { class: "muted" }, "The documentation supports no CTS units yet."));
    const other = (report.billing.same_day || []).map((l) => `${l.code} x${l.units}`).join(", ");
    const unknown = (report.billing.unknown_codes || []).join(", ");
    $("other").textContent = (other ? `Other services on the claim, not checked: ${other}.` : "") +
      (unknown ? ` Not in the knowledge base (check the code): ${unknown}.` : "");
    // A payment is only shown for a note that can be billed as it stands (as in the CLI).
    const ready = report.summary && report.summary.ready_to_bill;
    $("payment").textContent = pay && pay.total && ready
      ? `Expected Medicare payment $${pay.total.toFixed(2)} (Medicare $${pay.medicare_share.toFixed(2)}, ` +
        `patient $${pay.patient_coinsurance.toFixed(2)}; CF ${pay.conversion_factor}, ${pay.period}).`
      : pay && pay.total ? "Payment is shown once the blocking findings are fixed." : "";
    $("billing").hidden = false;
  }

  function selectElement(id) {
    const check = lastReport.checks.find((c) => c.id === id);
    for (const b of document.querySelectorAll(".element")) b.setAttribute("aria-pressed", String(b.dataset.check === id));
    const detail = $("detail");
    detail.replaceChildren(
      el("p", { class: "message" }, check.message),
      check.fix ? el("p", { class: "fix" }, "Fix: " + check.fix) : "",
      check.sources.length ? el("p", { class: "muted small" }, "Sources: " + check.sources.join(", ")) : "");
    detail.hidden = false;
    const item = document.querySelector(`.element[data-check="${id}"]`);
    if (item) item.closest("li").append(detail);  // the explanation sits under the element clicked
    showNoteView(check.evidence);
  }

  // Render the checked text with <mark> around the given spans (code-point offsets).
  function showNoteView(spans) {
    const view = $("note-view");
    const chars = Array.from(lastText);
    const sorted = (spans || []).filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
    const parts = [];
    let pos = 0;
    for (const span of sorted) {
      const start = Math.max(span.start, pos);
      if (start >= span.end) continue;
      if (start > pos) parts.push(document.createTextNode(chars.slice(pos, start).join("")));
      parts.push(el("mark", {}, chars.slice(start, span.end).join("")));
      pos = span.end;
    }
    if (pos < chars.length) parts.push(document.createTextNode(chars.slice(pos).join("")));
    view.replaceChildren(...parts);
    view.hidden = false;
    $("note").hidden = true;
    $("edit-note").hidden = false;
    const first = view.querySelector("mark");
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  function editNote() {
    $("note-view").hidden = true;
    $("note").hidden = false;
    $("edit-note").hidden = true;
    $("note").focus();
  }

  // ---------- drafting ----------
  async function runDraft(kind) {
    showError("");
    let body;
    try { body = noteRequest(); } catch (e) { showError(e.message); return; }
    let path = "/v1/rewrite";
    if (kind === "appeal") {
      path = "/v1/appeals";
      body.denial = $("denial").value.trim();
      if (!body.denial) { showError("Enter the denial codes (for example CO-50 N115)."); return; }
      if ($("denial-text").value.trim()) body.denial_text = $("denial-text").value.trim();
    }
    const button = $(kind === "appeal" ? "run-appeal" : "run-rewrite");
    busy(button, true);
    try {
      const result = await api(path, body);
      lastDraft = { kind, path, body };
      renderDraft(kind, result);
    } catch (e) {
      showError(e.message);
    } finally {
      busy(button, false);
    }
  }

  const RECOMMENDATION = { appeal: "appeal", corrected_claim: "send a corrected claim", no_appeal: "do not appeal as billed" };

  // An appeal letter (sections of statements) or a rewrite (text) as plain text.
  function draftText(result) {
    const letter = result.letter;
    if (letter && typeof letter === "object") {
      const out = ["Re: " + (letter.subject || ""), letter.recipient || "", ""];
      for (const [k, v] of Object.entries(letter.identifiers || {})) out.push(`${k}: ${v}`);
      for (const section of letter.sections || []) {
        out.push("", section.heading || "");
        for (const st of section.statements || []) out.push(st.text);
      }
      if ((letter.attachments || []).length) out.push("", "Enclosures: " + letter.attachments.join("; "));
      out.push("", letter.signature || "");
      return out.join("\n");
    }
    if (typeof letter === "string") return letter;
    if (typeof result.text === "string") {
      const gaps = (result.gaps || []).map((g) => "- " + (g.placeholder || g.element));
      return result.text + (gaps.length ? "\n\nTo complete:\n" + gaps.join("\n") : "");
    }
    return "";
  }

  function renderDraft(kind, result) {
    $("draft-title").textContent = kind === "appeal" ? "Appeal" : "Rewrite";
    const rec = typeof result.recommendation === "string" ? result.recommendation : "";
    const reasons = (result.reasons || []).map((r) => r.text).filter(Boolean).join(" ");
    $("draft-recommendation").textContent = rec
      ? `Recommendation: ${RECOMMENDATION[rec] || rec}.${reasons ? " " + reasons : ""}` : "";
    $("draft-recommendation").hidden = !rec;
    $("draft-text").textContent = draftText(result) || "No letter: see the recommendation and details.";
    $("draft-json").textContent = JSON.stringify(result, null, 2);
    $("draft-more").hidden = false;
    $("draft").hidden = false;
  }

  async function download() {
    if (!lastDraft) return;
    showError("");
    try {
      const blob = await api(lastDraft.path + "?format=docx", lastDraft.body, { blob: true });
      const url = URL.createObjectURL(blob);
      const a = el("a", { href: url, download: lastDraft.kind + ".docx" });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      showError(e.message);
    }
  }

  // ---------- receiving a note from the host page ----------
  const allowedOrigins = new Set([location.origin, ...(config.allowedOrigins || [])]);
  // ---------- question box ----------
  async function runAsk(event) {
    if (event) event.preventDefault();
    showError("");
    const question = $("question").value.trim();
    if (question.length < 2) { showError("Type a question first."); return; }
    const body = { question };
    if ($("dos").value) body.dos = $("dos").value;
    const button = $("run-ask");
    busy(button, true);
    try {
      renderAnswer(await api("/v1/answer", body));
    } catch (e) {
      showError(e.message);
    } finally {
      busy(button, false);
    }
  }

  function renderAnswer(answer) {
    const number = new Map(answer.passages.map((p, i) => [p.id, i + 1]));
    const text = $("answer-text");
    text.replaceChildren();
    text.classList.toggle("unanswered", !answer.answered);
    for (const sentence of answer.sentences) {
      text.append(document.createTextNode(sentence.text));
      // a worked sum cites the passage of each figure it uses
      const ids = sentence.passage_ids && sentence.passage_ids.length ? sentence.passage_ids : [sentence.passage_id];
      for (const id of ids) if (number.has(id)) text.append(el("sup", {}, "[" + number.get(id) + "]"));
      text.append(document.createTextNode(" "));
    }
    const list = $("answer-passages");
    list.replaceChildren();
    for (const p of answer.passages) {
      const window = (p.effective_from || "…") + " → " + (p.effective_to || "today");
      const link = el("a", { href: p.source.url, target: "_blank", rel: "noopener noreferrer" }, p.source.title);
      const cite = el("span", { class: "cite" }, p.source.publisher + " · in force " + window + " · ");
      cite.append(link);
      list.append(el("li", {}, p.text, cite));
    }
    $("answer").hidden = false;
  }

  window.addEventListener("message", (event) => {
    if (!allowedOrigins.has(event.origin)) return;
    const data = event.data;
    if (!data || data.type !== "cts-note" || typeof data.text !== "string") return;
    $("note").value = data.text;
    if (typeof data.dos === "string") $("dos").value = data.dos.slice(0, 10);
    if (typeof data.billed === "string") $("billed").value = data.billed;
    editNote();
    if (data.autoCheck) runCheck();
  });

  // ---------- SMART App Launch (EHR launch, PKCE S256) ----------
  function b64url(bytes) {
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function redirectUri() {
    return location.origin + location.pathname;
  }

  async function smartLaunch(iss, launch) {
    setSmartStatus("Connecting to the EHR…");
    const base = iss.replace(/\/+$/, "");
    const resp = await fetch(base + "/.well-known/smart-configuration", { headers: { Accept: "application/json" } });
    if (!resp.ok) throw new Error("The EHR's SMART configuration could not be read.");
    const conf = await resp.json();
    const methods = conf.code_challenge_methods_supported || [];
    if (!methods.includes("S256")) throw new Error("The EHR does not support PKCE S256.");
    const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
    const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
    store.set("cts.smart." + state,
      JSON.stringify({ verifier, iss: base, tokenEndpoint: conf.token_endpoint, redirectUri: redirectUri() }));
    const params = new URLSearchParams({
      response_type: "code", client_id: config.smartClientId, redirect_uri: redirectUri(), launch,
      scope: config.smartScope, state, aud: iss, code_challenge: b64url(new Uint8Array(digest)),
      code_challenge_method: "S256",
    });
    location.assign(conf.authorization_endpoint + "?" + params.toString());
  }

  async function smartCallback(code, state) {
    const key = "cts.smart." + state;
    const saved = JSON.parse(store.get(key) || "null");
    store.remove(key);
    history.replaceState(null, "", location.pathname);  // drop code and state from the address
    if (!saved) throw new Error("SMART launch state did not match; open the sidebar again from the EHR.");
    const resp = await fetch(saved.tokenEndpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({
        grant_type: "authorization_code", code, redirect_uri: saved.redirectUri,
        client_id: config.smartClientId, code_verifier: saved.verifier,
      }),
    });
    if (!resp.ok) throw new Error("The EHR refused the SMART token request.");
    const token = await resp.json();
    smart = { iss: saved.iss, token };
    setSmartStatus("Connected to the EHR");
    await loadNoteFromEhr();
  }

  async function fhirGet(path) {
    const resp = await fetch(smart.iss + "/" + path, {
      headers: { Authorization: "Bearer " + smart.token.access_token, Accept: "application/fhir+json" },
    });
    if (!resp.ok) throw new Error("The EHR did not return the note.");
    return resp.json();
  }

  async function loadNoteFromEhr() {
    const t = smart.token;
    const ref = (t.fhirContext || []).map((c) => c.reference || "").find((r) => r.startsWith("DocumentReference/"));
    let doc = null;
    if (ref) doc = await fhirGet(ref);
    else if (t.patient) {
      const bundle = await fhirGet("DocumentReference?patient=" + encodeURIComponent(t.patient) + "&_sort=-date&_count=1");
      doc = bundle.entry && bundle.entry.length ? bundle.entry[0].resource : null;
    }
    if (!doc) return;
    for (const content of doc.content || []) {
      const att = content.attachment || {};
      if ((att.contentType || "text/plain").startsWith("text/plain") && att.data) {
        const bytes = Uint8Array.from(atob(att.data), (c) => c.charCodeAt(0));
        $("note").value = new TextDecoder().decode(bytes);
        const when = (doc.context && doc.context.period && doc.context.period.start) || doc.date;
        if (when) $("dos").value = when.slice(0, 10);
        editNote();
        return;
      }
    }
  }

  function setSmartStatus(text) {
    const node = $("smart-status");
    node.textContent = text;
    node.hidden = !text;
  }

  async function start() {
    $("api-key").value = store.get("cts.apiKey") || "";
    $("api-key").addEventListener("change", () => store.set("cts.apiKey", apiKey()));
    if (config.keyRequired) $("api-key").placeholder = "required: the API key your administrator gave you";
    if (config.keyRequired && !apiKey()) $("settings").open = true;
    $("key-form").addEventListener("submit", (event) => event.preventDefault());
    $("run-check").addEventListener("click", runCheck);
    $("edit-note").addEventListener("click", editNote);
    $("run-rewrite").addEventListener("click", () => runDraft("rewrite"));
    $("run-appeal").addEventListener("click", () => runDraft("appeal"));
    $("download").addEventListener("click", download);
    $("ask-form").addEventListener("submit", runAsk);
    const params = new URLSearchParams(location.search);
    if (!config.smartClientId) return;
    try {
      if (params.get("iss") && params.get("launch")) await smartLaunch(params.get("iss"), params.get("launch"));
      else if (params.get("code") && params.get("state")) await smartCallback(params.get("code"), params.get("state"));
    } catch (e) {
      setSmartStatus("");
      showError(e.message);
    }
  }

  start();
})();
