// Staff pages of the assessment: the live sum of instrument weights on the campaign form.
(function () {
  "use strict";
  const total = document.querySelector("[data-weight-total]");
  if (!total) {
    return;
  }
  const sum = total.querySelector("[data-weight-sum]");
  const rows = Array.from(document.querySelectorAll("[data-instrument-row]"));

  function update() {
    let value = 0;
    rows.forEach(function (row) {
      const use = row.querySelector("[data-instrument-use]");
      const weight = row.querySelector("[data-instrument-weight]");
      if (use.checked) {
        value += parseInt(weight.value, 10) || 0;
      }
    });
    sum.textContent = String(value);
    total.classList.toggle("weight-ok", value === 100);
    total.classList.toggle("weight-wrong", value !== 100);
  }

  rows.forEach(function (row) {
    row.querySelectorAll("input").forEach(function (input) {
      input.addEventListener("input", update);
      input.addEventListener("change", update);
    });
  });
  update();
}());
