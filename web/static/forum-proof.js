// The forum's proof of work (web/forum/proof.py): find the number whose SHA-256 with the
// challenge's salt is the challenge (ALTCHA v1), then send the form with the answer.
// Served from our own origin (the CSP allows no inline script and no third party).
(function () {
  "use strict";
  if (window.relaisForumProof) { return; }
  window.relaisForumProof = true;

  async function hex(text) {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  async function solve(form) {
    const response = await fetch(form.dataset.challenge, {credentials: "same-origin",
                                                          cache: "no-store"});
    const c = await response.json();
    for (let n = 0; n <= c.maxNumber; n++) {
      if (await hex(c.salt + n) === c.challenge) {
        return btoa(JSON.stringify({algorithm: c.algorithm, challenge: c.challenge,
                                    number: n, salt: c.salt, signature: c.signature}));
      }
    }
    return "";
  }

  function watch(form) {
    const field = form.querySelector("input[name=altcha]");
    let answer = null;
    function start() {
      if (answer === null) { answer = solve(form).then(function (v) { field.value = v; }); }
      return answer;
    }
    form.addEventListener("focusin", start);
    let waited = false;
    form.addEventListener("submit", function (event) {
      if (field.value || waited) { return; }  // no answer found: the server will say so
      event.preventDefault();
      const button = event.submitter;
      start().then(function () { waited = true; form.requestSubmit(button); });
    });
  }

  document.querySelectorAll("form.forum[data-challenge]").forEach(watch);
})();
