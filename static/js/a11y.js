// A table that scrolls sideways on a phone can be scrolled with the keyboard:
// its scrolling box gets into the tab order (axe: scrollable-region-focusable).
function markScrollableRegions() {
  for (const box of document.querySelectorAll(".table-responsive")) {
    if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
    }
  }
}
markScrollableRegions();
window.addEventListener("resize", markScrollableRegions);
