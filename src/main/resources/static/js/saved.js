// After a save, the confirmation takes the focus, so that it is read out and the keyboard goes
// on from there (data-focus-on-load). It waits for the page's load: going to a #fragment moves
// the focus to the page, and must not take it from the confirmation.
window.addEventListener("load", function () {
    var confirmation = document.querySelector("[data-focus-on-load]");
    if (confirmation) {
        setTimeout(function () {
            confirmation.focus({ preventScroll: true });
            confirmation.scrollIntoView({ block: "center" });
        }, 0);
    }
});
