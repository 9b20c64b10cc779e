// Switchboard's service worker: an offline page instead of the browser's error, and the
// notifications Web Push brings when no Switchboard tab is in view. Served at /sw.js (scope /).
var CACHE = "switchboard-offline-1";
var OFFLINE = "/assets/offline.html";

self.addEventListener("install", function (event) {
    event.waitUntil(caches.open(CACHE)
        .then(function (cache) { return cache.addAll([OFFLINE, "/assets/css/switchboard.css", "/assets/img/favicon.svg"]); })
        .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) { return name !== CACHE; })
            .map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
});

// Pages always come from the server (they are live); only when it cannot be reached, the offline
// page. Forms (POST) go to the server untouched.
self.addEventListener("fetch", function (event) {
    if (event.request.mode === "navigate" && event.request.method === "GET") {
        event.respondWith(fetch(event.request).catch(function () { return caches.match(OFFLINE); }));
    }
});

self.addEventListener("push", function (event) {
    var data = event.data ? event.data.json() : {};
    event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (tabs) {
        // A tab in view has it already, live.
        if (tabs.some(function (tab) { return tab.visibilityState === "visible"; })) {
            return undefined;
        }
        return self.registration.showNotification(data.title || "Switchboard", {
            body: data.body, tag: data.tag, data: { url: data.url || "/" }, icon: "/assets/img/icon-192.png"
        });
    }));
});

self.addEventListener("notificationclick", function (event) {
    event.notification.close();
    var url = new URL(event.notification.data.url, self.location.origin).href;
    event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (tabs) {
        var open = tabs.find(function (tab) { return tab.url === url; });
        return open ? open.focus() : self.clients.openWindow(url);
    }));
});
