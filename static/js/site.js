// Behaviour the pages ask for through data- attributes (the CSP allows no inline script).
// - <form data-confirm="question">: asks before submitting; cancel keeps the page.
// - a table that scrolls sideways (a narrow screen) can take the keyboard's focus, so that
//   keyboard users scroll it with the arrow keys (WCAG 2.1.1); one that fits cannot.
// - <textarea maxlength="n" data-counter="id">: the element #id shows how many characters are left.
// - [data-banner] with a [data-dismiss-banner] button: the button (or Escape inside the banner)
//   removes it and moves the focus to the next banner's button, or to the page's main part.
(function () {
  "use strict";

  function dismiss(banner) {
    var next = banner.nextElementSibling;
    var main = document.querySelector("main");
    banner.remove();
    var button = next && next.matches("[data-banner]") ? next.querySelector("[data-dismiss-banner]") : null;
    if (button) {
      button.focus();
    } else if (main) {
      main.setAttribute("tabindex", "-1");
      main.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-dismiss-banner]") : null;
    var banner = button ? button.closest("[data-banner]") : null;
    if (banner) {
      dismiss(banner);
    }
  });

  document.addEventListener("keydown", function (event) {
    var banner = event.key === "Escape" && event.target.closest ? event.target.closest("[data-banner]") : null;
    if (banner && banner.querySelector("[data-dismiss-banner]")) {
      dismiss(banner);
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest ? event.target.closest("form[data-confirm]") : null;
    if (form && !window.confirm(form.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  function countDown(field) {
    var left = document.getElementById(field.getAttribute("data-counter"));
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    if (left && !isNaN(limit)) {
      left.textContent = limit - field.value.length;
    }
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-counter]")) {
      countDown(event.target);
    }
  });

  function focusableWhenScrolling() {
    document.querySelectorAll("table").forEach(function (table) {
      if (table.scrollWidth > table.clientWidth + 1) {
        table.setAttribute("tabindex", "0");
      } else if (table.getAttribute("tabindex") === "0") {
        table.removeAttribute("tabindex");
      }
    });
  }

  function start() {
    document.querySelectorAll("[data-counter]").forEach(countDown);
    focusableWhenScrolling();
    window.addEventListener("resize", focusableWhenScrolling);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
