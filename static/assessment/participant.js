/* The participant's pages: autosave of drafts and test answers, the test countdown.
 * (self-assessment ratings, test answers, the text of a written work).
 * Without this script the pages still work: the forms have «Сохранить» and «Отправить» buttons,
 * and the server alone decides whether an answer arrived in time. */
(function () {
  "use strict";

  var DEBOUNCE_MS = 800;
  var TEXT_DEBOUNCE_MS = 1500;

  function csrfToken(form) {
    var input = form.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : "";
  }

  /* Self-assessment ratings: {indicator id: 1..4} from the «i-<id>» radio buttons. */
  function collectRatings(form) {
    var answers = {};
    form.querySelectorAll('input[type="radio"][name^="i-"]:checked').forEach(function (input) {
      answers[input.name.slice(2)] = Number(input.value);
    });
    return answers;
  }

  /* Test answers: {question id: [choice ids]} for every question, empty lists included. */
  function collectChoices(form) {
    var answers = {};
    form.querySelectorAll('input[name^="q-"]').forEach(function (input) {
      var id = input.name.slice(2);
      if (!answers[id]) { answers[id] = []; }
      if (input.checked) { answers[id].push(Number(input.value)); }
    });
    return answers;
  }

  function setupAutosave(form) {
    var url = form.dataset.autosaveUrl;
    var prefix = form.dataset.savedPrefix || "Сохранено в";
    var status = document.getElementById("autosave-status");
    var counter = form.querySelector("[data-answered-count]");
    var isTest = form.id === "test-form";
    var isText = form.dataset.autosaveKind === "text";
    var timer = null;
    var inFlight = false;
    var again = false;

    function show(text, isError) {
      if (!status) { return; }
      status.textContent = text;
      status.classList.toggle("is-error", Boolean(isError));
    }

    function send() {
      if (inFlight) { again = true; return; }
      inFlight = true;
      show("Сохраняю…", false);
      var payload;
      if (isText) {
        payload = {text: form.querySelector("textarea").value};
      } else {
        payload = {answers: isTest ? collectChoices(form) : collectRatings(form)};
      }
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          "X-CSRFToken": csrfToken(form),
          "X-Requested-With": "XMLHttpRequest"
        },
        body: JSON.stringify(payload)
      }).then(function (response) {
        return response.json().then(function (data) {
          if (response.ok) {
            show(prefix + " " + data.saved_at, false);
            if (counter && typeof data.answered === "number") { counter.textContent = data.answered; }
          } else {
            show(data.error || "Не удалось сохранить ответы.", true);
          }
        });
      }).catch(function () {
        show("Не удалось сохранить: проверьте подключение или обновите страницу.", true);
      }).then(function () {
        inFlight = false;
        if (again) { again = false; send(); }
      });
    }

    form.addEventListener("change", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(send, DEBOUNCE_MS);
    });
    if (isText) {
      // A text is saved a moment after the person stops typing, not only when they leave it.
      form.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(send, TEXT_DEBOUNCE_MS);
      });
    }
  }

  function pad(number) { return number < 10 ? "0" + number : String(number); }

  /* Only a display: the remaining time comes from the server, which also refuses late answers. */
  function setupCountdown(timerElement, form) {
    var total = Number(timerElement.dataset.remainingSeconds);
    var output = document.getElementById("test-countdown");
    var started = Date.now();
    var submitted = false;

    function tick() {
      var left = Math.max(0, total - Math.floor((Date.now() - started) / 1000));
      output.textContent = Math.floor(left / 60) + ":" + pad(left % 60);
      timerElement.classList.toggle("is-ending", left <= 60);
      if (left === 0 && !submitted) {
        submitted = true;
        output.textContent = "время вышло, ответы отправляются";
        // Time decided, not the person: no confirmation step.
        var confirmed = document.createElement("input");
        confirmed.type = "hidden";
        confirmed.name = "confirmed";
        confirmed.value = "yes";
        form.appendChild(confirmed);
        form.submit();
        return;
      }
      window.setTimeout(tick, 1000);
    }
    tick();
  }

  document.querySelectorAll("form[data-autosave-url]").forEach(setupAutosave);
  var timerElement = document.getElementById("test-timer");
  var testForm = document.getElementById("test-form");
  if (timerElement && testForm) { setupCountdown(timerElement, testForm); }
}());
