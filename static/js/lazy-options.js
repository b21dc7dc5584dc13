// Long option lists of a filter panel (partners, colleagues, initiatives) are not
// part of the page: a <select data-options-url data-options-key> carries only its
// empty and current choice, and gets the rest from the list's JSON endpoint the
// first time its <details> panel opens (at once when the panel is already open,
// or when the select gets the focus). The current choice stays chosen.
(function () {
  "use strict";
  const requests = new Map();

  function fetchOptions(url) {
    if (!requests.has(url)) {
      const request = fetch(url, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      }).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      });
      request.catch(function () {
        requests.delete(url); // try again next time
      });
      requests.set(url, request);
    }
    return requests.get(url);
  }

  function fill(select, options) {
    const current = select.value;
    const keep = [];
    if (select.options.length && select.options[0].value === "") {
      keep.push(select.options[0]);
    }
    for (const [value, label] of options) {
      keep.push(new Option(label, value, false, value === current));
    }
    select.replaceChildren(...keep);
    select.value = current;
  }

  function load(select) {
    if (select.dataset.optionsState) {
      return;
    }
    select.dataset.optionsState = "loading";
    select.setAttribute("aria-busy", "true");
    fetchOptions(select.dataset.optionsUrl)
      .then(function (data) {
        fill(select, data[select.dataset.optionsKey] || []);
        select.dataset.optionsState = "loaded";
      })
      .catch(function () {
        delete select.dataset.optionsState;
      })
      .finally(function () {
        select.removeAttribute("aria-busy");
      });
  }

  function loadWithin(root) {
    root.querySelectorAll("select[data-options-url]").forEach(load);
  }

  for (const select of document.querySelectorAll("select[data-options-url]")) {
    const panel = select.closest("details");
    if (!panel || panel.open) {
      load(select);
    } else if (!panel.dataset.optionsWatched) {
      panel.dataset.optionsWatched = "true";
      panel.addEventListener("toggle", function () {
        if (panel.open) {
          loadWithin(panel);
        }
      });
    }
    select.addEventListener("focus", function () {
      load(select);
    });
  }
})();
