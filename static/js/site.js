// Behaviour the pages ask for through data- attributes (the CSP allows no inline script).
// - <form data-confirm="question">: asks before submitting; cancel keeps the page.
// - <textarea maxlength="n" data-counter="id">: the element #id shows how many characters are left.
(function () {
  "use strict";

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

  function start() {
    document.querySelectorAll("[data-counter]").forEach(countDown);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
