// Menus and confirmations built on <details>: a click elsewhere or Escape closes them, and Escape
// gives focus back to their button.
(function () {
    function closeMenus(except) {
        document.querySelectorAll("details.menu[open], details.confirm[open]").forEach(function (menu) {
            if (menu !== except && !menu.contains(except)) {
                menu.removeAttribute("open");
            }
        });
    }

    document.addEventListener("click", function (event) {
        closeMenus(event.target.closest("details.menu, details.confirm"));
    });

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        var open = document.activeElement && document.activeElement.closest("details.menu[open], details.confirm[open]")
            || document.querySelector("details.menu[open], details.confirm[open]");
        if (open) {
            open.removeAttribute("open");
            open.querySelector("summary").focus();
        }
    });
})();
