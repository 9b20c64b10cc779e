// The composer sends on Enter (Shift+Enter starts a new line), and looks like what it writes: a
// reply or an internal note.
document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing
            && field.matches && field.matches("textarea[data-send-on-enter]")) {
        event.preventDefault();
        if (field.value.trim() !== "") {
            field.form.requestSubmit();
        }
    }
});

document.addEventListener("change", function (event) {
    if (event.target.matches('.composer input[name="kind"]')) {
        var composer = event.target.closest(".composer");
        var box = composer.querySelector("textarea");
        composer.classList.toggle("is-note", event.target.value === "NOTE");
        box.placeholder = box.dataset[event.target.value === "NOTE" ? "placeholderNote" : "placeholderReply"];
        box.focus();
    }
});
