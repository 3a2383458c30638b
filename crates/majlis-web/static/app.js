// majlis: a little progressive JavaScript, served by majlis (no framework,
// no external request). Every action works without it.
"use strict";

// Confirmation before destructive or locking actions: a form (or its submit
// button) with data-confirm asks first.
document.addEventListener("submit", (event) => {
  const form = event.target;
  const button = event.submitter;
  const message = (button && button.dataset.confirm) || form.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
}, true);

// After a failed submit, the error summary is brought into view and focused,
// so that a screen reader reads it and a phone shows it; the address bar
// shows the form's own page (the answer came from the address the form
// posted to), so that reloading or sharing it opens the page, not the action.
window.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".errors");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    const bring = () => {
      summary.scrollIntoView({ block: "start" });
      summary.focus({ preventScroll: true });
    };
    bring();
    // A summary inside a <details> cannot take focus before the first
    // layout in Chromium: once more when the page has loaded, unless the
    // person has already moved on.
    window.addEventListener("load", () => {
      if (document.activeElement === document.body) bring();
    }, { once: true });
    const page = document.body.dataset.page;
    if (page && page.startsWith("/") && !page.startsWith("//")
        && page !== location.pathname + location.search) {
      const section = summary.parentElement && summary.parentElement.closest("[id]");
      const hash = section && section.id !== "main" ? "#" + section.id : "";
      history.replaceState(null, "", page + hash);
    }
  }
});

// Person pickers: a search box above the list of candidates filters it as
// one types (names in any script, member numbers); ticked people stay shown.
const fold = (s) => s.toLowerCase()
  .normalize("NFKD")
  .replace(/[\u064B-\u065F\u0670\u0640\u0300-\u036f]/g, "")
  .replace(/[إأآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه");
window.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-picker]").forEach((picker) => {
    const list = picker.querySelector(".picker-list");
    if (!list) return;
    const search = document.createElement("input");
    search.type = "search";
    search.className = "picker-search";
    search.setAttribute("aria-label", picker.dataset.searchLabel);
    search.placeholder = picker.dataset.searchLabel;
    search.setAttribute("dir", "auto");
    const none = document.createElement("p");
    none.className = "muted";
    none.hidden = true;
    none.textContent = picker.dataset.none;
    none.setAttribute("role", "status");
    list.before(search);
    list.after(none);
    const items = [...list.querySelectorAll("label.pick")].map((label) => [label, fold(label.textContent)]);
    search.addEventListener("input", () => {
      const words = fold(search.value).split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const [label, text] of items) {
        const ticked = label.querySelector("input").checked;
        const show = ticked || words.every((w) => text.includes(w));
        label.hidden = !show;
        if (show) shown += 1;
      }
      none.hidden = shown > 0;
    });
    // Enter in the search box must not submit the form.
    search.addEventListener("keydown", (e) => { if (e.key === "Enter") e.preventDefault(); });
  });
});

// Inline edits: a form marked data-inline (an answer to a convocation, a
// decision's follow-up, attendance, moving or editing an agenda item) is
// sent in the background and only its section of the page is replaced by
// the same section of the answer, so the reader keeps their place. Any
// surprise (no section, a network error, another page) falls back to the
// ordinary submit.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (event.defaultPrevented || !form.matches("form[data-inline]")) return;
  const section = form.closest("section[id]");
  if (!section || !window.fetch || !window.DOMParser) return;
  event.preventDefault();
  const button = event.submitter;
  const data = new FormData(form, button || undefined);
  const fallback = () => {
    if (button && button.name) {
      const hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = button.name;
      hidden.value = button.value;
      form.append(hidden);
    }
    HTMLFormElement.prototype.submit.call(form);
  };
  form.setAttribute("aria-busy", "true");
  let response;
  try {
    response = await fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(data),
      credentials: "same-origin",
      headers: { "Accept": "text/html" },
    });
  } catch (_) {
    fallback();
    return;
  }
  const page = new URL(response.url, location.href);
  if (page.origin !== location.origin || (response.status >= 500)) {
    fallback();
    return;
  }
  const html = await response.text();
  const doc = new DOMParser().parseFromString(html, "text/html");
  const fresh = doc.getElementById(section.id);
  if (!fresh || (response.ok && page.pathname !== location.pathname)) {
    fallback();
    return;
  }
  section.replaceWith(fresh);
  const summary = fresh.querySelector(".errors");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
    return;
  }
  // Focus where it was: the same form's button, else the section's heading.
  const again = button && [...fresh.querySelectorAll("form")]
    .find((f) => f.action === form.action)
    ?.querySelector(`button[name="${button.name}"][value="${button.value}"], button[type=submit]`);
  const heading = fresh.querySelector("h2");
  const target = again || heading;
  if (target) {
    if (!again) target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  }
});

// Template designer: the inputs shown follow the kind chosen for a field.
document.addEventListener("change", (event) => {
  const select = event.target;
  if (select.matches && select.matches("select[data-part-kind]")) {
    const part = select.closest(".template-part");
    if (part) part.dataset.kind = select.value;
  }
});

// «Select all»: a checkbox with data-select-all ticks the boxes of that name
// in its form.
document.addEventListener("change", (event) => {
  const all = event.target;
  if (all.matches && all.matches("input[data-select-all]") && all.form) {
    for (const box of all.form.querySelectorAll(`input[name="${all.dataset.selectAll}"]`)) {
      box.checked = all.checked;
    }
  }
});
