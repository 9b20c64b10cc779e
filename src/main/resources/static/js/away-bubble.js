// The away clock's bubble (R12): shown on hover and on keyboard focus, in the top layer (a
// popover) so that nothing draws over it, kept inside the window; Escape hides it until the
// pointer or the focus leaves (WCAG 1.4.13).
(function () {
    function bubbleOf(away) {
        return away && away.querySelector(".away__bubble[popover]");
    }

    function place(away, bubble) {
        var at = away.querySelector(".away__clock").getBoundingClientRect();
        var left = Math.min(Math.max(8, at.left + at.width / 2 - bubble.offsetWidth / 2),
            window.innerWidth - bubble.offsetWidth - 8);
        var top = at.bottom + 8;
        if (top + bubble.offsetHeight > window.innerHeight - 8) {
            top = at.top - bubble.offsetHeight - 8;
        }
        bubble.style.left = left + "px";
        bubble.style.top = top + "px";
    }

    function show(event) {
        var away = event.target.closest && event.target.closest(".away");
        var bubble = bubbleOf(away);
        if (!bubble || away.dataset.dismissed === "true" || bubble.matches(":popover-open")) {
            return;
        }
        bubble.showPopover();
        place(away, bubble);
    }

    function hide(event) {
        var away = event.target.closest && event.target.closest(".away");
        var bubble = bubbleOf(away);
        if (!bubble || away.contains(event.relatedTarget)) {
            return;
        }
        // Still hovered or focused: the other way keeps it open.
        if (away.matches(":hover") || away.contains(document.activeElement) && event.type === "mouseout") {
            return;
        }
        delete away.dataset.dismissed;
        if (bubble.matches(":popover-open")) {
            bubble.hidePopover();
        }
    }

    document.addEventListener("mouseover", show);
    document.addEventListener("focusin", show);
    document.addEventListener("mouseout", hide);
    document.addEventListener("focusout", hide);
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        document.querySelectorAll(".away__bubble:popover-open").forEach(function (bubble) {
            bubble.closest(".away").dataset.dismissed = "true";
            bubble.hidePopover();
        });
    });
    // A tap on the clock (phones have no hover) shows the bubble, a second tap hides it.
    document.addEventListener("click", function (event) {
        var clock = event.target.closest && event.target.closest("button.away__clock");
        var bubble = clock && bubbleOf(clock.closest(".away"));
        if (bubble) {
            event.preventDefault();
            if (bubble.matches(":popover-open")) {
                bubble.hidePopover();
            } else {
                bubble.showPopover();
                place(clock.closest(".away"), bubble);
            }
        }
    });
})();
