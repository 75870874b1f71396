// hoering workspace: our own script, a convenience only (every page works without it).
// A form with changes not yet saved asks before the page is left. When a file of the
// hearing changes on disk (the official saved it in an editor), the page is read again;
// with a form not yet saved, it says so instead and leaves the text where it is.
(function () {
  "use strict";
  var changed = new Set();
  var leaving = false;  // a form was sent: its answer is the next page, not a reload
  document.querySelectorAll("form").forEach(function (form) {
    if (form.method === "post") {
      form.addEventListener("input", function () { changed.add(form); });
    }
    form.addEventListener("submit", function () { changed.clear(); leaving = true; });
  });
  window.addEventListener("beforeunload", function (event) {
    if (changed.size > 0) { event.preventDefault(); event.returnValue = ""; return; }
    leaving = true;
  });
  var notice = document.querySelector(".notice:not([hidden])");
  if (notice) { notice.setAttribute("tabindex", "-1"); notice.focus(); }

  var shown = document.documentElement.getAttribute("data-state");
  var warning = document.getElementById("changed-on-disk");
  var EVERY_MS = 1500;
  function compare(now) {
    if (!now || now === shown || leaving) { return; }
    if (changed.size === 0) { window.location.reload(); return; }
    if (warning && warning.hidden) { warning.hidden = false; }
  }
  function look() {
    if (document.hidden || leaving) { return; }
    fetch("/state", { cache: "no-store", credentials: "same-origin" })
      .then(function (answer) { return answer.ok ? answer.text() : ""; })
      .then(compare, function () { /* the workspace stopped: nothing to compare with */ });
  }
  if (shown && window.fetch) { window.setInterval(look, EVERY_MS); }
})();
