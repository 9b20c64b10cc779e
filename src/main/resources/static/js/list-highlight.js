// Opening a conversation moves the list's highlight at once, before the answer arrives.
document.addEventListener("htmx:beforeRequest", function (event) {
    var link = event.detail.elt;
    if (!link.classList || !link.classList.contains("conversation-row__link")) {
        return;
    }
    document.querySelectorAll(".conversation-row.is-current").forEach(function (row) {
        row.classList.remove("is-current");
        row.querySelector(".conversation-row__link").removeAttribute("aria-current");
    });
    link.closest(".conversation-row").classList.add("is-current");
    link.setAttribute("aria-current", "page");
    document.getElementById("main").classList.add("inbox--open");
});
