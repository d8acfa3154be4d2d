// The dashboards' charts, drawn with the vendored Chart.js from the numbers the page embeds.
(function () {
  "use strict";
  if (typeof Chart === "undefined") {
    return;
  }
  const navy = "#1d3557";
  const light = "#8fa8c8";
  const base = { responsive: true, maintainAspectRatio: false, animation: false };

  function data(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  const board = data("dashboard-data");
  if (board) {
    const municipalities = document.getElementById("municipalities-chart");
    if (municipalities && board.municipalities.labels.length) {
      new Chart(municipalities, {
        type: "bar",
        data: {
          labels: board.municipalities.labels,
          datasets: [{ label: "Резервистов", data: board.municipalities.values, backgroundColor: navy }]
        },
        options: Object.assign({}, base, {
          indexAxis: "y",
          plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
        })
      });
    }
    const shares = document.getElementById("shares-chart");
    if (shares && board.shares.labels.length) {
      new Chart(shares, {
        type: "bar",
        data: {
          labels: board.shares.labels,
          datasets: [
            { label: "Муниципальное образование", data: board.shares.own, backgroundColor: navy },
            { label: "Область", data: board.shares.region, backgroundColor: light }
          ]
        },
        options: Object.assign({}, base, {
          scales: { y: { min: 0, max: 100 } },
          plugins: { legend: { position: "bottom" } }
        })
      });
    }
    drawTrend(document.getElementById("trend-chart"), board.trend, "Численность резерва");
  }
  const single = data("trend-chart-data");
  if (single) {
    drawTrend(document.getElementById("trend-chart"), single, single.label);
  }

  function drawTrend(canvas, trend, label) {
    if (!canvas || !trend || !trend.labels.length) {
      return;
    }
    new Chart(canvas, {
      type: "line",
      data: {
        labels: trend.labels,
        datasets: [{ label: label, data: trend.values, borderColor: navy, backgroundColor: navy, tension: 0 }]
      },
      options: Object.assign({}, base, { plugins: { legend: { position: "bottom" } } })
    });
  }
})();
