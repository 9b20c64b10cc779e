// The team calendar opens on today: its days box scrolls so that a few days before today show
// beside the names (data-scroll-to-today); a live update replaces the grid inside the box, which keeps its place.
// On load, not before: the calendar's stylesheet must have given the columns their widths.
window.addEventListener("load", function () {
    var box = document.querySelector("[data-scroll-to-today]");
    var today = box && box.querySelector("th.is-today");
    var names = box && box.querySelector(".calendar__corner");
    if (today && names) {
        box.scrollLeft = Math.max(0, today.offsetLeft - names.offsetWidth - 3 * today.offsetWidth);
    }
});
