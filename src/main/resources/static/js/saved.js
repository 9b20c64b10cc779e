// After a save, the confirmation takes the focus, so that it is read out and the keyboard goes
// on from there (data-focus-on-load).
document.addEventListener("DOMContentLoaded", function () {
    var confirmation = document.querySelector("[data-focus-on-load]");
    if (confirmation) {
        confirmation.focus();
    }
});
