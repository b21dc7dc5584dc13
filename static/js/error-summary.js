// A refused form lists its errors at its top (core/_error_summary.html). The list
// gets the focus, so the page opens on it and a screen reader reads it out; a link
// in it moves the focus to its field, with the field's label or question in view.
(function () {
  const summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", function (event) {
    const link = event.target.closest('a[href^="#"]');
    const field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    const details = field.closest("details");
    if (details) details.open = true;
    const legend = field.closest("fieldset") && field.closest("fieldset").querySelector("legend");
    const label = legend || document.querySelector('label[for="' + field.id + '"]') || field;
    // The label above its field when both fit on the screen, else the field itself.
    const span = field.getBoundingClientRect().bottom - label.getBoundingClientRect().top;
    if (span < window.innerHeight) label.scrollIntoView();
    else field.scrollIntoView({ block: "center" });
    field.focus({ preventScroll: true });
  });
})();
