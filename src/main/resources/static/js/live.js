// Live updates (R13) beyond what htmx's SSE extension does by itself. The extension keeps the
// stream open and fires each region on the event types it lists (hx-trigger="sse:..."); this
// file adds only what it cannot:
//   - events of one conversation reach that conversation's regions only (live:<type> on #conversation);
//   - an away change replaces every rendering of that person's name, from the fragments the event carries;
//   - a region where someone types or has a menu open waits, and updates once they are done;
//   - a reconnection resumes from the last event received; a stream refused for good (logged out) reloads the page.
(function () {
    var body = document.body;
    var seen = {};

    function route(message) {
        var data = message.data ? JSON.parse(message.data) : {};
        var conversation = document.getElementById("conversation");
        if (data.conversationId && conversation && conversation.dataset.conversationId === data.conversationId) {
            htmx.trigger(conversation, "live:" + message.type, data);
        }
        if (message.type === "away") {
            replaceNames(data.people || []);
        }
    }

    function replaceNames(people) {
        people.forEach(function (person) {
            document.querySelectorAll('.person[data-user-id="' + person.userId + '"]').forEach(function (node) {
                var template = document.createElement("template");
                template.innerHTML = (node.dataset.inControl === "true" ? person.htmlInControl : person.html).trim();
                if (template.content.firstElementChild) {
                    node.replaceWith(template.content.firstElementChild);
                }
            });
        });
    }

    // Every region with an sse: trigger reports each event it receives; handle each event once.
    body.addEventListener("htmx:sseMessage", function (event) {
        var message = event.detail;
        var key = message.lastEventId || message.type + message.data;
        if (seen[key]) {
            return;
        }
        seen[key] = true;
        if (message.lastEventId) {
            var url = new URL(body.getAttribute("sse-connect"), window.location.href);
            url.searchParams.set("since", message.lastEventId);
            body.setAttribute("sse-connect", url.pathname + url.search);
        }
        route(message);
    });

    function busy(region) {
        var active = document.activeElement;
        return region.querySelector("details[open]") !== null
            || (active && region.contains(active) && active.matches("input:not([type=hidden]), textarea, select"));
    }

    // A live update (not one the person asked for) waits while its region is in use.
    body.addEventListener("htmx:beforeSwap", function (event) {
        var trigger = event.detail.requestConfig && event.detail.requestConfig.triggeringEvent;
        var live = trigger && /^(sse|live):/.test(trigger.type);
        var region = event.detail.target;
        if (!live || !region || !busy(region)) {
            return;
        }
        event.detail.shouldSwap = false;
        var retry = function () {
            if (!busy(region)) {
                region.removeEventListener("focusout", retry);
                region.removeEventListener("toggle", retry, true);
                htmx.trigger(region, "live:retry");
            }
        };
        region.addEventListener("focusout", function () { setTimeout(retry, 0); });
        region.addEventListener("toggle", retry, true);
    });

    // Whether the stream is open, for whoever looks (tests wait for it before acting).
    body.addEventListener("htmx:sseOpen", function () { body.setAttribute("data-live", "open"); });

    // Logging out ends the stream before the browser has left the page: reloading it then would
    // land on the log-in page without its "You are logged out".
    var leaving = false;
    window.addEventListener("beforeunload", function () { leaving = true; });

    body.addEventListener("htmx:sseError", function () {
        body.setAttribute("data-live", "closed");
        fetch("/api/v1/me", { credentials: "same-origin" }).then(function (response) {
            if (response.status === 401 && !leaving) {
                window.location.reload();
            }
        }, function () { /* offline: the extension tries again */ });
    });
})();
