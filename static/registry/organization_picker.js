// The organization picker: suggestions under an organization's text input as the person types.
// Without this script the input still works: the server finds the organization the text names.
// ARIA 1.2 combobox with a list popup: arrows move, Enter chooses, Escape closes.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY_MS = 200;
  var counter = 0;

  function enhance(input) {
    var url = input.getAttribute("data-organization-lookup");
    if (!url) {
      return;
    }
    counter += 1;
    var listId = "organization-options-" + counter;
    var wrapper = document.createElement("div");
    wrapper.className = "organization-picker";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "organization-picker-list list-group shadow-sm";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Подходящие организации");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    var timer = null;
    var active = -1;
    var results = [];
    var lastQuery = "";

    function municipality() {
      var name = input.getAttribute("data-municipality-field");
      var field = name && input.form ? input.form.elements.namedItem(name) : null;
      return field && field.value ? field.value : "";
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, position) {
        var on = position === index;
        option.classList.toggle("active", on);
        option.setAttribute("aria-selected", on ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var chosen = results[index];
      if (!chosen) {
        return;
      }
      input.value = chosen.label;
      lastQuery = input.value;
      close();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function render(items) {
      results = items;
      list.innerHTML = "";
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "list-group-item list-group-item-action";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "d-block";
        title.textContent = item.label;
        var detail = document.createElement("span");
        detail.className = "d-block small text-body-secondary";
        detail.textContent = item.municipality + " · " + item.name;
        option.appendChild(title);
        option.appendChild(detail);
        // mousedown, not click: choosing must not blur the input first.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(index);
        });
        list.appendChild(option);
      });
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.className = "visually-hidden";
        status.textContent = "Найдено организаций: " + items.length + ". Выберите стрелками.";
      } else {
        close();
        // Said aloud and shown: the person should not wait for suggestions that will not come.
        status.className = "form-text";
        status.textContent = "В реестре ничего не нашлось: проверьте наименование или введите ИНН.";
      }
      active = -1;
    }

    function lookup() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH || query === lastQuery) {
        if (query.length < MIN_LENGTH) {
          close();
          status.className = "visually-hidden";
          status.textContent = "";
        }
        return;
      }
      lastQuery = query;
      var address = url + "?q=" + encodeURIComponent(query);
      if (municipality()) {
        address += "&municipality=" + encodeURIComponent(municipality());
      }
      fetch(address, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) {
          if (input.value.trim() === query) {
            render(data.results || []);
          }
        })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookup, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) {
        if (event.key === "ArrowDown" && results.length) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
          highlight(0);
          event.preventDefault();
        }
        return;
      }
      if (event.key === "ArrowDown") {
        highlight(Math.min(active + 1, results.length - 1));
        event.preventDefault();
      } else if (event.key === "ArrowUp") {
        highlight(Math.max(active - 1, 0));
        event.preventDefault();
      } else if (event.key === "Enter" && active >= 0) {
        choose(active);
        event.preventDefault();
      } else if (event.key === "Escape") {
        close();
        event.preventDefault();
      }
    });
    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  document.querySelectorAll("input[data-organization-lookup]").forEach(enhance);
})();
