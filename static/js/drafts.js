// Typed work survives a dropped connection. A form with data-draft="key" is kept in
// this browser (localStorage) when it is sent, and offered again on the form page
// until the server confirms the save: an element with data-draft-saved="key" (the
// success message) removes it. Without a connection the form is not sent at all.
// Files (photos) cannot be kept; the password and CSRF fields never are.
(() => {
  const PREFIX = "sterkewijken:concept:";
  const NEVER = new Set(["csrfmiddlewaretoken", "password", "password1", "password2"]);
  let store;
  try {
    store = window.localStorage;
    store.setItem(`${PREFIX}test`, "1");
    store.removeItem(`${PREFIX}test`);
  } catch {
    return; // private mode or storage switched off: forms work as before
  }

  for (const element of document.querySelectorAll("[data-draft-saved]")) {
    store.removeItem(PREFIX + element.dataset.draftSaved);
  }

  const kept = (element) =>
    element.name && !NEVER.has(element.name) && !["file", "submit", "button"].includes(element.type);

  const collect = (form) => {
    const values = [];
    for (const element of form.elements) {
      if (!kept(element)) continue;
      if (element.type === "checkbox" || element.type === "radio") {
        if (element.checked) values.push([element.name, element.value]);
      } else if (element.tagName === "SELECT" && element.multiple) {
        for (const option of element.selectedOptions) values.push([element.name, option.value]);
      } else {
        values.push([element.name, element.value]);
      }
    }
    return values;
  };

  const restore = (form, values) => {
    const byName = new Map();
    for (const [name, value] of values) {
      if (!byName.has(name)) byName.set(name, []);
      byName.get(name).push(value);
    }
    for (const element of form.elements) {
      if (!kept(element)) continue;
      const wanted = byName.get(element.name) || [];
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = wanted.includes(element.value);
      } else if (element.tagName === "SELECT" && element.multiple) {
        for (const option of element.options) option.selected = wanted.includes(option.value);
      } else if (wanted.length) {
        element.value = wanted.shift();
      }
    }
    const details = form.querySelector("details");
    if (details) details.open = true;
  };

  for (const form of document.querySelectorAll("form[data-draft]")) {
    const key = PREFIX + form.dataset.draft;
    const offer = document.querySelector(`[data-draft-offer="${form.dataset.draft}"]`);
    const offline = document.querySelector(`[data-draft-offline="${form.dataset.draft}"]`);
    const saved = store.getItem(key);

    // A form the server sent back (with errors) already holds what was typed.
    if (saved && offer && !("draftBound" in form.dataset)) {
      let draft = null;
      try {
        draft = JSON.parse(saved);
      } catch {
        store.removeItem(key);
      }
      if (draft && Array.isArray(draft.values)) {
        const title = offer.querySelector("[data-draft-title]");
        const heading = draft.values.find(([name]) => name === form.dataset.draftTitle);
        if (title && heading) title.textContent = heading[1];
        offer.hidden = false;
        offer.querySelector("[data-draft-restore]").addEventListener("click", () => {
          restore(form, draft.values);
          offer.hidden = true;
        });
        offer.querySelector("[data-draft-discard]").addEventListener("click", () => {
          store.removeItem(key);
          offer.hidden = true;
        });
      }
    }

    form.addEventListener("submit", (event) => {
      try {
        store.setItem(key, JSON.stringify({ savedAt: Date.now(), values: collect(form) }));
      } catch {
        return; // storage full: send as usual
      }
      if (navigator.onLine === false) {
        event.preventDefault();
        if (offline) {
          offline.hidden = false;
          offline.focus();
        }
      }
    });
  }
})();
