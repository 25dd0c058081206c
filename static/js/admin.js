/*
 * The admin's own script. Every admin page works without it.
 *
 * - Tab and Shift+Tab always move focus out of a Markdown box (the editor's own Tab key
 *   would type a tab character and trap keyboard users).
 * - After a failed save, focus moves to the error summary.
 * - Leaving a form with unsaved changes asks first.
 */
(function () {
  "use strict";

  document.addEventListener(
    "keydown",
    function (event) {
      if (event.key !== "Tab" || event.ctrlKey || event.altKey || event.metaKey) {
        return;
      }
      var target = event.target;
      if (target && target.tagName === "TEXTAREA" && target.closest(".markdownx")) {
        // Stops the editor's handler (on the textarea) from seeing it; the browser moves focus.
        event.stopImmediatePropagation();
      }
    },
    true
  );

  var summary = document.querySelector("[data-error-summary]");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }

  var form = document.querySelector("#content-main form[method=post]");
  if (form && form.querySelector(".action-bar")) {
    var snapshot = function () {
      return new URLSearchParams(new FormData(form)).toString();
    };
    var saved = snapshot();
    var submitting = false;
    form.addEventListener("submit", function () {
      submitting = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (!submitting && snapshot() !== saved) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }
})();
