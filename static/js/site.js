/*
 * The little JavaScript the site has. Every page works without it.
 *
 * Exit this page: leaves for a neutral website without leaving this site in the
 * browser's Back history (location.replace), blanks the page at once, and also
 * fires when Shift is pressed three times within five seconds.
 *
 * Print this page: a button shown only when the browser can print.
 *
 * Feedback: the forms at the end of each page are sent without leaving the page, and
 * the answer is said in their live region. Without JavaScript they post, and the site
 * answers with a page of its own.
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

    // What is read out, in the page's language: a translated page gives its own words.
    var words = {
      shiftOne: container.dataset.shiftOne || "Shift, press 1 more time to exit.",
      shiftMore: container.dataset.shiftMore || "Shift, press 2 more times to exit.",
      leaving: container.dataset.leaving || "Exiting page.",
      expired: container.dataset.expired || "Exit this page expired.",
    };

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
        announce(words.leaving);
        exit();
        return;
      }
      var left = SHIFT_PRESSES_TO_EXIT - presses;
      announce(left === 1 ? words.shiftOne : words.shiftMore);
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        reset();
        announce(words.expired);
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

  function setUpFeedback(block) {
    var status = block.querySelector("[data-feedback-status]");
    var busy = false;
    var pressed = null;

    function say(message, isError) {
      status.textContent = message;
      status.classList.toggle("feedback__status--error", isError);
    }

    function answerOf(response) {
      // A reply that is not the site's JSON (a proxy's error page, say) has no words to show.
      return response.json().then(null, function () {
        return {};
      });
    }

    function send(form, button) {
      var data = new FormData(form);
      if (button && button.name) {
        data.append(button.name, button.value);
      }
      busy = true;
      window
        .fetch(form.action, {
          method: "POST",
          body: data,
          headers: { Accept: "application/json" },
          credentials: "omit",
        })
        .then(function (response) {
          return answerOf(response).then(function (answer) {
            if (response.ok) {
              (form.closest(".feedback__problem") || form).hidden = true;
              say(answer.message || status.getAttribute("data-sent"), false);
              status.focus();
              return;
            }
            // A form that had run out of time comes back with a fresh token: Send works again.
            if (answer.token) {
              block.querySelectorAll("input[name=token]").forEach(function (input) {
                input.value = answer.token;
              });
            }
            say(answer.error || status.getAttribute("data-not-sent"), true);
          });
        })
        .then(null, function () {
          say(status.getAttribute("data-not-reached"), true);
        })
        .then(function () {
          busy = false;
        });
    }

    block.addEventListener("click", function (event) {
      var button = event.target.closest("button[type=submit]");
      if (button) {
        pressed = button;
      }
    });
    block.querySelectorAll("[data-feedback-form]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.fetch || !window.FormData) {
          return;
        }
        event.preventDefault();
        if (!busy) {
          send(form, event.submitter || pressed);
        }
      });
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
  var feedback = document.querySelector("[data-feedback]");
  if (feedback) {
    setUpFeedback(feedback);
  }
})();
