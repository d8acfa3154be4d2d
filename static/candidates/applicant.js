// The applicant's pages: searchable organization list, «по настоящее время», confirmations,
// and one submission per click. Every page works without this script; it only makes them easier.
(function () {
  "use strict";

  function optionsOf(select) {
    return Array.prototype.map.call(select.options, function (option) {
      return { value: option.value, text: option.text };
    });
  }

  function fillSelect(select, options, filter, selected) {
    var needle = (filter || "").trim().toLowerCase();
    select.innerHTML = "";
    options.forEach(function (item) {
      var keep = item.value === "" || item.value === selected ||
        item.text.toLowerCase().indexOf(needle) !== -1;
      if (keep) {
        var option = new Option(item.text, item.value, false, item.value === selected);
        select.add(option);
      }
    });
  }

  function enhanceFilterable(select) {
    var all = optionsOf(select);
    var search = document.createElement("input");
    search.type = "search";
    search.className = "form-control form-control-sm mb-2";
    search.placeholder = "Найти организацию по названию";
    search.setAttribute("aria-label", "Найти организацию по названию");
    search.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(search, select);
    search.addEventListener("input", function () {
      fillSelect(select, all, search.value, select.value);
    });

    var url = select.getAttribute("data-organizations-url");
    var municipality = select.form && select.form.querySelector("select[name$='municipality']");
    if (!url || !municipality) {
      return;
    }
    municipality.addEventListener("change", function () {
      var empty = all.filter(function (item) { return item.value === ""; });
      if (!municipality.value) {
        all = empty;
        fillSelect(select, all, "", "");
        return;
      }
      fetch(url + "?municipality=" + encodeURIComponent(municipality.value), {
        credentials: "same-origin",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        return response.ok ? response.json() : { organizations: [] };
      }).then(function (data) {
        all = empty.concat(data.organizations.map(function (org) {
          return { value: String(org.id), text: org.name };
        }));
        search.value = "";
        fillSelect(select, all, "", "");
      });
    });
  }

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

  document.querySelectorAll("select[data-filterable]").forEach(enhanceFilterable);
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
