// The person's own well-being trend: a line of the monthly index with the low-index border.
(function () {
  "use strict";
  const canvas = document.getElementById("pulse-chart");
  const source = document.getElementById("pulse-chart-data");
  if (!canvas || !source || typeof Chart === "undefined") {
    return;
  }
  const data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "line",
    data: {
      labels: data.labels,
      datasets: [
        {
          label: "Ваш индекс",
          data: data.values,
          borderColor: "#1d3557",
          backgroundColor: "#1d3557",
          pointRadius: 4,
          tension: 0
        },
        {
          label: "Граница низкого индекса (" + data.threshold + ")",
          data: data.labels.map(function () { return data.threshold; }),
          borderColor: "#b02a37",
          borderDash: [6, 4],
          borderWidth: 1.5,
          pointRadius: 0,
          pointHitRadius: 0
        }
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        y: { min: 0, max: 100, ticks: { stepSize: 20 } },
        x: { ticks: { maxRotation: 0, autoSkip: true } }
      },
      plugins: {
        legend: { position: "bottom", labels: { boxHeight: 2 } },
        tooltip: {
          filter: function (item) { return item.datasetIndex === 0; }
        }
      }
    }
  });
})();
