// A button that copies the value of a field to the clipboard: data-copy="<the field's id>", and
// data-copied-status="<the id of a status element>" that says it was copied. Where the clipboard
// is not available (plain http), the field's text is selected for the person to copy.
document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) {
        return;
    }
    var field = document.getElementById(button.dataset.copy);
    var status = document.getElementById(button.dataset.copiedStatus);
    field.select();
    if (navigator.clipboard && status) {
        navigator.clipboard.writeText(field.value).then(function () {
            status.hidden = false;
        });
    }
});
