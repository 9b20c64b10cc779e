// Your settings → Notifications on this device: asks the browser for permission, subscribes it
// with the server's key, and hands the subscription to the server (data-push-subscribe).
document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-push-subscribe]");
    if (!button) {
        return;
    }
    var section = button.closest("[data-push]");
    function say(name) {
        section.querySelectorAll("[data-push-message]").forEach(function (message) {
            message.hidden = message.dataset.pushMessage !== name;
        });
    }
    if (!("serviceWorker" in navigator) || !("PushManager" in window)) {
        say("unsupported");
        return;
    }
    button.disabled = true;
    Notification.requestPermission().then(function (permission) {
        if (permission !== "granted") {
            throw new Error("denied");
        }
        return navigator.serviceWorker.register("/sw.js").then(function () { return navigator.serviceWorker.ready; });
    }).then(function (registration) {
        return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: section.dataset.push });
    }).then(function (subscription) {
        var token = document.querySelector('meta[name="csrf-token"]');
        var header = document.querySelector('meta[name="csrf-header"]');
        var headers = { "Content-Type": "application/json" };
        headers[header.content] = token.content;
        return fetch(section.dataset.pushUrl, { method: "POST", headers: headers, credentials: "same-origin",
            body: JSON.stringify(subscription.toJSON()) });
    }).then(function (response) {
        if (!response.ok) {
            throw new Error("refused");
        }
        window.location.assign(section.dataset.pushUrl.replace(/\/push$/, "") + "?pushed#push");
    }).catch(function (error) {
        say(error.message === "denied" ? "denied" : "failed");
        button.disabled = false;
    });
});
