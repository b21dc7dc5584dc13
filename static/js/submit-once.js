// A form is sent once: after the first submit its buttons are disabled and
// further submits are ignored (the server also refuses a second use of a
// create form's token, see core/onetime.py). No inline handlers: CSP.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || event.defaultPrevented) {
    return; // e.g. the user said "no" to a data-confirm question
  }
  if ((form.method || "").toLowerCase() !== "post") {
    return; // search and filter forms may be sent again
  }
  if (form.dataset.submitted === "true") {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = "true";
  // Disable after this event: a disabled button would not send its own name.
  window.setTimeout(() => {
    form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]')
      .forEach((button) => {
        button.disabled = true;
        button.setAttribute("aria-disabled", "true");
      });
  }, 0);
});

// Coming back with the browser's back button shows the page as it was left:
// make its forms usable again.
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) {
    return;
  }
  document.querySelectorAll('form[data-submitted="true"]').forEach((form) => {
    delete form.dataset.submitted;
    form.querySelectorAll("[aria-disabled=\"true\"]").forEach((button) => {
      button.disabled = false;
      button.removeAttribute("aria-disabled");
    });
  });
});
