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


    // ---- Live updates (R13) --------------------------------------------------------------------
    // One stream per tab. An away change carries the person's name fragment, rendered for this
    // viewer, and replaces every rendering of that name on the page at once. Other changes say
    // what changed; the page then fetches itself again and swaps in just the regions marked
    // data-live-region that listen to that kind of change (data-live-on), leaving the composer,
    // open menus and the scroll position alone.

    var liveIds = 0;

    function fromHtml(html) {
        var template = document.createElement("template");
        template.innerHTML = html.trim();
        return template.content.firstElementChild;
    }

    // A fragment rendered apart from the page numbers its bubble from 1 again: make its id unique.
    function uniqueBubbleIds(root) {
        root.querySelectorAll(".away__bubble[id]").forEach(function (bubble) {
            var away = bubble.closest(".away");
            var id = "away-bubble-live-" + (++liveIds);
            var clock = away && away.querySelector("[aria-describedby='" + bubble.id + "']");
            bubble.id = id;
            if (clock) {
                clock.setAttribute("aria-describedby", id);
            }
        });
    }

    function replacePeople(people) {
        (people || []).forEach(function (person) {
            var selector = '.person[data-user-id="' + person.userId + '"]';
            document.querySelectorAll(selector).forEach(function (node) {
                var fresh = fromHtml(node.dataset.inControl === "true" ? person.htmlInControl : person.html);
                if (fresh) {
                    uniqueBubbleIds(fresh);
                    node.replaceWith(fresh);
                }
            });
        });
    }

    // After a refresh that missed events: every name on the page as the fresh page shows it.
    function syncPeople(doc) {
        var fresh = {};
        doc.querySelectorAll(".person[data-user-id]").forEach(function (node) {
            fresh[node.dataset.userId + "|" + (node.dataset.inControl === "true")] = node;
        });
        document.querySelectorAll(".person[data-user-id]").forEach(function (node) {
            var match = fresh[node.dataset.userId + "|" + (node.dataset.inControl === "true")];
            if (match && match.outerHTML !== node.outerHTML) {
                var copy = document.importNode(match, true);
                uniqueBubbleIds(copy);
                node.replaceWith(copy);
            }
        });
    }

    function isBusy(region) {
        var active = document.activeElement;
        var typing = active && region.contains(active) && active.matches("input, textarea, select");
        return typing || region.querySelector("details[open]") !== null;
    }

    function itemKey(node) {
        return node.getAttribute("data-message-id") || node.getAttribute("data-event-id");
    }

    // New messages and events are appended, so screen readers announce just them (aria-live).
    function mergeThread(region, fresh) {
        var atEnd = region.scrollHeight - region.scrollTop - region.clientHeight < 48;
        var existing = {};
        Array.prototype.forEach.call(region.children, function (child) {
            var key = itemKey(child);
            if (key) {
                existing[key] = child;
            }
        });
        var empty = region.querySelector(".thread__empty");
        Array.prototype.forEach.call(fresh.children, function (child) {
            var key = itemKey(child);
            if (!key) {
                return;
            }
            var copy = document.importNode(child, true);
            uniqueBubbleIds(copy);
            if (!existing[key]) {
                if (empty) {
                    empty.remove();
                    empty = null;
                }
                region.appendChild(copy);
            } else if (existing[key].outerHTML !== child.outerHTML) {
                existing[key].replaceWith(copy);
            }
        });
        if (atEnd) {
            region.scrollTop = region.scrollHeight;
        }
    }

    function swapRegion(region, doc, retry) {
        var key = region.getAttribute("data-live-region");
        var fresh = Array.prototype.find.call(doc.querySelectorAll("[data-live-region]"), function (candidate) {
            return candidate.getAttribute("data-live-region") === key;
        });
        if (!fresh) {
            return;
        }
        if (isBusy(region)) {
            retry(region);
            return;
        }
        if (key.indexOf("thread:") === 0) {
            mergeThread(region, fresh);
            return;
        }
        var active = document.activeElement;
        var focusHref = active && region.contains(active) ? active.getAttribute("href") : null;
        var copy = document.importNode(fresh, true);
        uniqueBubbleIds(copy);
        region.replaceWith(copy);
        if (window.htmx) {
            htmx.process(copy);
        }
        if (focusHref) {
            var again = copy.querySelector('[href="' + focusHref.replace(/"/g, '\\"') + '"]');
            if (again) {
                again.focus();
            }
        }
    }

    var pendingTopics = {};
    var refreshTimer = null;
    var refreshing = false;

    function scheduleRefresh(topics) {
        topics.forEach(function (topic) { pendingTopics[topic] = true; });
        if (!refreshTimer && !refreshing) {
            refreshTimer = setTimeout(refresh, 50);
        }
    }

    function refresh() {
        refreshTimer = null;
        var topics = pendingTopics;
        pendingTopics = {};
        var regions = Array.prototype.filter.call(document.querySelectorAll("[data-live-region]"), function (region) {
            return topics.all || (region.getAttribute("data-live-on") || "").split(" ").some(function (topic) {
                return topics[topic];
            });
        });
        if (regions.length === 0 && !topics.all) {
            return;
        }
        refreshing = true;
        fetch(window.location.href, { credentials: "same-origin", headers: { "X-Switchboard-Live": "refresh" } })
            .then(function (response) {
                if (!response.ok || response.redirected) {
                    throw new Error("not refreshed: " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var doc = new DOMParser().parseFromString(html, "text/html");
                regions.forEach(function (region) {
                    swapRegion(region, doc, function () {
                        // Someone is typing or has a menu open there: try again when they are done.
                        (region.getAttribute("data-live-on") || "").split(" ").forEach(function (topic) {
                            pendingTopics[topic] = true;
                        });
                    });
                });
                if (topics.all) {
                    syncPeople(doc);
                }
                document.body.classList.toggle("has-away-banner", document.getElementById("away-banner") !== null);
            })
            .catch(function () { /* the next event, or the next page, shows it */ })
            .then(function () {
                refreshing = false;
                if (Object.keys(pendingTopics).length > 0) {
                    refreshTimer = setTimeout(refresh, 1000);
                }
            });
    }

    function startLive() {
        var body = document.body;
        var url = body.getAttribute("data-live-url");
        if (!url || !window.EventSource) {
            return;
        }
        var me = body.getAttribute("data-user-id");
        var lastId = body.getAttribute("data-live-since");
        var delay = 1000;

        function connect() {
            var source = new EventSource(url + (lastId ? "?since=" + encodeURIComponent(lastId) : ""));
            function on(type, handle) {
                source.addEventListener(type, function (event) {
                    if (event.lastEventId) {
                        lastId = event.lastEventId;
                    }
                    delay = 1000;
                    handle(event.data ? JSON.parse(event.data) : {});
                });
            }
            on("away", function (data) {
                replacePeople(data.people);
                scheduleRefresh(data.userId === me ? ["away", "me"] : ["away"]);
            });
            on("conversation.assigned", function () { scheduleRefresh(["conversations"]); });
            on("message.created", function () { scheduleRefresh(["conversations"]); });
            on("message.delivery", function () { scheduleRefresh(["conversations"]); });
            on("conversation.status", function () { scheduleRefresh(["conversations"]); });
            on("notification", function () { scheduleRefresh(["notifications"]); });
            on("refresh", function () { scheduleRefresh(["all"]); });
            source.onopen = function () { document.body.setAttribute("data-live", "open"); };
            source.onerror = function () {
                if (source.readyState !== EventSource.CLOSED) {
                    return; // the browser reconnects by itself, with Last-Event-ID
                }
                // Refused (signed out, deactivated) or the server failed: check which, then retry.
                document.body.setAttribute("data-live", "closed");
                fetch(url.replace(/stream$/, "me"), { credentials: "same-origin" }).then(function (response) {
                    if (response.status === 401) {
                        window.location.reload();
                    } else {
                        setTimeout(connect, delay);
                        delay = Math.min(delay * 2, 30000);
                    }
                }, function () {
                    setTimeout(connect, delay);
                    delay = Math.min(delay * 2, 30000);
                });
            };
        }
        connect();
    }

    document.addEventListener("DOMContentLoaded", function () {
        scrollToNewest(document);
        guessTimeZone();
        startLive();
    });
    document.addEventListener("htmx:afterSettle", function (event) { scrollToNewest(event.target); });
})();
