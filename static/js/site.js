/*
 * The little JavaScript the site has. Every page works without it.
 *
 * Exit this page: leaves for a neutral website without leaving this site in the
 * browser's Back history (location.replace), blanks the page at once, and also
 * fires when Shift is pressed three times within five seconds.
 *
 * Print this page: a button shown only when the browser can print.
 */
(function () {
  "use strict";

  var SHIFT_PRESSES_TO_EXIT = 3;
  var SHIFT_WINDOW_MS = 5000;

  function setUpExit(container) {
    var link = container.querySelector("[data-exit-link]");
    var status = container.querySelector("[data-exit-status]");
    var presses = 0;
    var timer = null;

    function announce(message) {
      if (status) {
        status.textContent = message;
      }
    }

    function exit(event) {
      if (event) {
        event.preventDefault();
      }
      document.documentElement.classList.add("is-exiting");
      document.title = "Loading";
      window.location.replace(link.href);
    }

    function reset() {
      presses = 0;
      window.clearTimeout(timer);
      timer = null;
    }

    link.addEventListener("click", exit);

    document.addEventListener("keydown", function (event) {
      if (event.key !== "Shift") {
        // Typing capital letters presses Shift between other keys: never count that.
        reset();
        return;
      }
      if (event.repeat) {
        return;
      }
      presses += 1;
      if (presses >= SHIFT_PRESSES_TO_EXIT) {
        reset();
        announce("Exiting page.");
        exit();
        return;
      }
      var left = SHIFT_PRESSES_TO_EXIT - presses;
      announce("Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to exit.");
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        reset();
        announce("Exit this page expired.");
      }, SHIFT_WINDOW_MS);
    });
  }

  function setUpPrint(button) {
    if (typeof window.print !== "function") {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  }

  var exitContainer = document.querySelector("[data-exit-this-page]");
  if (exitContainer) {
    setUpExit(exitContainer);
  }
  var printButton = document.querySelector("[data-print-button]");
  if (printButton) {
    setUpPrint(printButton);
  }
})();
