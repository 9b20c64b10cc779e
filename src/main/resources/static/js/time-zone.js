// A new account starts in the browser's time zone, when the list has it.
document.addEventListener("DOMContentLoaded", function () {
    var select = document.querySelector('select[data-guess-time-zone="true"]');
    var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (select && zone && select.querySelector('option[value="' + zone + '"]')) {
        select.value = zone;
    }
});
