// Section editor: "Insert a block" puts the chosen placeholder line ([[blok:…]]) into
// the text where the cursor is, as a paragraph of its own, then selects it.
(function () {
  "use strict";

  function insert(textarea, placeholder) {
    const value = textarea.value;
    const start = textarea.selectionStart ?? value.length;
    const end = textarea.selectionEnd ?? start;
    const before = value.slice(0, start).replace(/[ \t]*$/, "");
    const after = value.slice(end).replace(/^[ \t]*/, "");
    const lead = before === "" ? "" : before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    const trail = after === "" ? "\n" : after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
    textarea.value = before + lead + placeholder + trail + after;
    const position = before.length + lead.length;
    textarea.focus();
    textarea.setSelectionRange(position, position + placeholder.length);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-blok-insert]");
    if (!button) {
      return;
    }
    const select = document.getElementById(button.dataset.blokInsert);
    const textarea = select && document.getElementById(select.dataset.blokTarget);
    const status = document.getElementById("blok-status");
    if (!textarea || !select.value) {
      if (status) {
        status.textContent = status.dataset.empty;
      }
      select && select.focus();
      return;
    }
    insert(textarea, select.value);
    if (status) {
      status.textContent = `${status.dataset.done} ${select.options[select.selectedIndex].text}`;
    }
    select.value = "";
  });
})();
