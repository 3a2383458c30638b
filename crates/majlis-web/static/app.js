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
// so that a screen reader reads it and a phone shows it.
window.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".errors");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.scrollIntoView({ block: "start" });
    summary.focus({ preventScroll: true });
  }
});
