// A button that shows or hides something by a class on another element (the customer panel on
// small screens): data-toggle-class="panel-open" data-toggle-target="#conversation". Every button
// that toggles the same thing says whether it is shown (aria-expanded).
document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-toggle-class]");
    if (!button) {
        return;
    }
    var target = document.querySelector(button.dataset.toggleTarget);
    var shown = target.classList.toggle(button.dataset.toggleClass);
    document.querySelectorAll('[data-toggle-target="' + button.dataset.toggleTarget + '"]').forEach(function (other) {
        if (other.hasAttribute("aria-expanded")) {
            other.setAttribute("aria-expanded", String(shown));
        }
    });
    var controlled = button.getAttribute("aria-controls") && document.getElementById(button.getAttribute("aria-controls"));
    if (shown && controlled) {
        controlled.querySelector("button, summary, a, input")?.focus();
    } else if (!shown) {
        target.querySelector('[data-toggle-target][aria-expanded]')?.focus();
    }
});
