// New report: a version date nobody typed follows the chosen year, so a report of an
// earlier year is not dated later than the year after it (which the form refuses).
(function () {
  "use strict";

  document.querySelectorAll("input[data-volgt-jaar]").forEach((datum) => {
    const jaar = document.getElementById(datum.dataset.volgtJaar);
    if (!jaar) {
      return;
    }
    const today = datum.dataset.vandaag;
    let typed = false;
    datum.addEventListener("input", () => {
      typed = true;
    });
    jaar.addEventListener("input", () => {
      const year = Number.parseInt(jaar.value, 10);
      if (typed || !today || !(year >= 2000 && year <= 2100)) {
        return;
      }
      const last = `${year + 1}-12-31`;
      datum.value = today < last ? today : last;
    });
  });
})();
