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
            document.querySelectorAll(".away.is-open").forEach(function (away) { away.classList.remove("is-open"); });
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
        var link = event.detail.elt;
        if (link.classList && link.classList.contains("conversation-row__link")) {
            document.querySelectorAll(".conversation-row.is-current").forEach(function (other) {
                other.classList.remove("is-current");
                other.querySelector(".conversation-row__link").removeAttribute("aria-current");
            });
            link.closest(".conversation-row").classList.add("is-current");
            link.setAttribute("aria-current", "page");
        }
    });

    // The away bubble floats above everything, kept inside the window, wherever the name is.
    function placeBubble(away) {
        var clock = away.querySelector(".away__clock");
        var bubble = away.querySelector(".away__bubble");
        if (!clock || !bubble) {
            return;
        }
        var at = clock.getBoundingClientRect();
        var width = bubble.offsetWidth;
        var height = bubble.offsetHeight;
        var left = Math.min(Math.max(8, at.left + at.width / 2 - width / 2), window.innerWidth - width - 8);
        var top = at.bottom + 8;
        if (top + height > window.innerHeight - 8) {
            top = at.top - height - 8;
        }
        bubble.style.left = left + "px";
        bubble.style.top = top + "px";
    }

    function showBubble(event) {
        var away = event.target.closest && event.target.closest(".away");
        if (away) {
            away.classList.add("is-open");
            placeBubble(away);
        }
    }

    function hideBubble(event) {
        var away = event.target.closest && event.target.closest(".away");
        if (away && !away.contains(event.relatedTarget)) {
            away.classList.remove("is-open");
        }
    }

    document.addEventListener("mouseover", showBubble);
    document.addEventListener("focusin", showBubble);
    document.addEventListener("mouseout", hideBubble);
    document.addEventListener("focusout", hideBubble);

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
