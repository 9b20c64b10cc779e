// The little script the pages need; everything else is server-rendered and swapped by htmx.
(function () {
    "use strict";

    // htmx requests carry the CSRF token, like the forms do.
    document.addEventListener("htmx:configRequest", function (event) {
        var token = document.querySelector('meta[name="csrf-token"]');
        var header = document.querySelector('meta[name="csrf-header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });

    // A conversation opens at its newest message.
    function scrollToNewest(root) {
        var found = Array.prototype.slice.call(root.querySelectorAll("[data-scroll-to-end]"));
        if (root.matches && root.matches("[data-scroll-to-end]")) {
            found.push(root);
        }
        found.forEach(function (el) { el.scrollTop = el.scrollHeight; });
    }

    // Menus built on <details> close on a click elsewhere and on Escape.
    function closeMenus(except) {
        document.querySelectorAll("details.menu[open]").forEach(function (menu) {
            if (menu !== except && !menu.contains(except)) {
                menu.removeAttribute("open");
            }
        });
    }

    document.addEventListener("click", function (event) {
        var menu = event.target.closest("details.menu");
        closeMenus(menu);
    });

    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            var open = document.querySelector("details.menu[open]");
            if (open) {
                open.removeAttribute("open");
                open.querySelector("summary").focus();
            }
        }
        // The composer sends on Enter; Shift+Enter starts a new line.
        var field = event.target;
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing
                && field.matches && field.matches("textarea[data-send-on-enter]")) {
            event.preventDefault();
            if (field.value.trim() !== "") {
                field.form.requestSubmit();
            }
        }
    });

    // The composer's look follows its mode: a reply or an internal note.
    document.addEventListener("change", function (event) {
        if (event.target.matches('input[name="kind"]')) {
            var composer = event.target.closest(".composer");
            composer.classList.toggle("is-note", event.target.value === "NOTE");
            var box = composer.querySelector("textarea");
            box.placeholder = box.dataset[event.target.value === "NOTE" ? "placeholderNote" : "placeholderReply"];
            box.focus();
        }
    });

    // Opening a conversation moves the list's highlight at once, before the answer arrives.
    document.addEventListener("htmx:beforeRequest", function (event) {
        var row = event.detail.elt;
        if (row.classList && row.classList.contains("conversation-row")) {
            document.querySelectorAll(".conversation-row[aria-current]").forEach(function (other) {
                other.removeAttribute("aria-current");
            });
            row.setAttribute("aria-current", "page");
        }
    });

    // A new account starts in the browser's time zone, when the list has it.
    function guessTimeZone() {
        var select = document.querySelector('select[data-guess-time-zone="true"]');
        var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (select && zone && select.querySelector('option[value="' + zone + '"]')) {
            select.value = zone;
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        scrollToNewest(document);
        guessTimeZone();
    });
    document.addEventListener("htmx:afterSettle", function (event) { scrollToNewest(event.target); });
})();
