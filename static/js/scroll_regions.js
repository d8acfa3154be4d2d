// A table wider than its box scrolls inside it (.table-responsive). Keyboard users must be able to
// reach and scroll it (WCAG 2.1.1): while it overflows, the box is focusable and named after its
// table's caption; when it fits again, it leaves the tab order.
(function () {
  "use strict";

  function mark() {
    document.querySelectorAll(".table-responsive").forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        var caption = box.querySelector("caption");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption ? caption.textContent.trim() : "Таблица");
        box.dataset.scrollRegion = "auto";
      } else if (!scrolls && box.dataset.scrollRegion === "auto") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        delete box.dataset.scrollRegion;
      }
    });
  }

  var pending = null;
  mark(); // the script is loaded at the end of the body: the tables are there
  window.addEventListener("load", mark); // fonts and charts may change the widths
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(mark, 150);
  });
})();
