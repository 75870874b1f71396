// hoering workspace: our own script, a convenience only (every page works without it).
// A form with changes not yet saved asks before the page is left.
(function () {
  "use strict";
  var changed = new Set();
  document.querySelectorAll("form[method=post]").forEach(function (form) {
    form.addEventListener("input", function () { changed.add(form); });
    form.addEventListener("submit", function () { changed.clear(); });
  });
  window.addEventListener("beforeunload", function (event) {
    if (changed.size > 0) { event.preventDefault(); event.returnValue = ""; }
  });
  var notice = document.querySelector(".notice");
  if (notice) { notice.setAttribute("tabindex", "-1"); notice.focus(); }
})();
