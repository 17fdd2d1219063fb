// The page header: a menu button on narrow screens, and selectors that act when changed.
// Without this script the header shows everything and the selectors keep their buttons.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".menu-button");
    var panel = document.getElementById("site-menu");
    if (button && panel) {
      button.addEventListener("click", function () {
        var open = panel.classList.toggle("open");
        button.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () {
        select.form.submit();
      });
    });
  });
})();
