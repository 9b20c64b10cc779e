// Switchboard installs as an app: the service worker gives it an offline page and notifications.
if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
        navigator.serviceWorker.register("/sw.js").catch(function () { /* works without it */ });
    });
}
