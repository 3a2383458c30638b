// majlis public site: the comment form asks for its token when shown (the
// page itself is the same for everyone). Without it, the first send shows
// the form again with a token.
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form.comment-form[data-token]")) {
    fetch(form.dataset.token, { credentials: "omit" })
      .then((r) => r.json())
      .then((j) => { form.querySelector("input[name=t]").value = j.t; })
      .catch(() => {});
  }
});
