// A conversation opens at its newest line, and follows new lines while it is read at the end;
// someone reading further up stays where they are.
(function () {
    function atEnd(stream) {
        return stream.scrollHeight - stream.scrollTop - stream.clientHeight < 48;
    }

    function toEnd(root) {
        var streams = Array.prototype.slice.call(root.querySelectorAll ? root.querySelectorAll("[data-scroll-to-end]") : []);
        if (root.matches && root.matches("[data-scroll-to-end]")) {
            streams.push(root);
        }
        streams.forEach(function (stream) { stream.scrollTop = stream.scrollHeight; });
    }

    var following = null;
    document.addEventListener("htmx:beforeSwap", function (event) {
        var stream = event.detail.target && event.detail.target.closest && event.detail.target.closest("[data-scroll-to-end]");
        following = stream && atEnd(stream) ? stream : null;
    });
    document.addEventListener("htmx:afterSettle", function (event) {
        if (following) {
            following.scrollTop = following.scrollHeight;
            following = null;
        }
        toEnd(event.detail.elt);
    });
    document.addEventListener("DOMContentLoaded", function () { toEnd(document); });
})();
