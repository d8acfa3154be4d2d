// The result page: the radar chart of the competency profile against the target, and printing.
(function () {
  "use strict";
  const printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.addEventListener("click", function () {
      window.print();
    });
  }
  // Printed reports show every explanation, folded or not.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (details) {
      details.dataset.wasOpen = details.open ? "1" : "";
      details.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details").forEach(function (details) {
      details.open = details.dataset.wasOpen === "1";
    });
  });

  const canvas = document.getElementById("competency-radar");
  const source = document.getElementById("competency-chart-data");
  if (!canvas || !source || typeof Chart === "undefined") {
    return;
  }
  const data = JSON.parse(source.textContent);
  const wrap = function (label) {
    // Long competency names break into lines of about 16 characters.
    const words = label.split(" ");
    const lines = [];
    let line = "";
    words.forEach(function (word) {
      if ((line + " " + word).trim().length > 16 && line) {
        lines.push(line);
        line = word;
      } else {
        line = (line + " " + word).trim();
      }
    });
    if (line) {
      lines.push(line);
    }
    return lines;
  };
  new Chart(canvas, {
    type: "radar",
    data: {
      labels: data.labels.map(wrap),
      datasets: [
        {
          label: "Баллы участника",
          data: data.scores,
          borderColor: "#1d3557",
          backgroundColor: "rgba(29, 53, 87, 0.2)",
          pointBackgroundColor: "#1d3557",
          spanGaps: true
        },
        {
          label: "Целевой уровень",
          data: data.targets,
          borderColor: "#c0392b",
          backgroundColor: "rgba(0, 0, 0, 0)",
          borderDash: [6, 4],
          pointBackgroundColor: "#c0392b",
          spanGaps: true
        }
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        r: {
          min: 0,
          max: 100,
          ticks: { stepSize: 25, backdropColor: "rgba(255, 255, 255, 0.8)" },
          pointLabels: { font: { size: 11 }, padding: 4 }
        }
      },
      plugins: { legend: { position: "bottom" } }
    }
  });
  canvas.dataset.chartReady = "1";
}());
