// The applicant's pages: «по настоящее время», confirmations,
// and one submission per click. Every page works without this script; it only makes them easier.
(function () {
  "use strict";

  function enhanceCurrentToggle(checkbox) {
    var target = document.getElementsByName(checkbox.getAttribute("data-current-toggles"))[0];
    if (!target) {
      return;
    }
    function sync() {
      target.disabled = checkbox.checked;
      if (checkbox.checked) {
        target.value = "";
      }
    }
    checkbox.addEventListener("change", sync);
    sync();
  }

  document.querySelectorAll("[data-current-toggles]").forEach(enhanceCurrentToggle);

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-confirm]");
    if (button && !window.confirm(button.getAttribute("data-confirm"))) {
      event.preventDefault();
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.querySelector("[data-submit-once]")) {
      return;
    }
    if (form.getAttribute("data-submitting")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-submitting", "1");
    form.querySelectorAll("[data-submit-once]").forEach(function (button) {
      button.setAttribute("aria-disabled", "true");
      button.classList.add("disabled");
    });
  });

  // A page restored from the back-forward cache may be submitted again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitting]").forEach(function (form) {
      form.removeAttribute("data-submitting");
      form.querySelectorAll("[data-submit-once]").forEach(function (button) {
        button.removeAttribute("aria-disabled");
        button.classList.remove("disabled");
      });
    });
  });
})();
