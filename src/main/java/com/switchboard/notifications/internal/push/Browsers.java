package com.switchboard.notifications.internal.push;

/** A browser's name for people, from its User-Agent: "Chrome on Android", "Firefox on Windows". */
final class Browsers {

    private Browsers() {
    }

    static String name(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        String browser = userAgent.contains("Edg/") ? "Edge"
                : userAgent.contains("Firefox/") ? "Firefox"
                : userAgent.contains("Chrome/") || userAgent.contains("Chromium/") ? "Chrome"
                : userAgent.contains("Safari/") ? "Safari" : "Browser";
        String system = userAgent.contains("Android") ? "Android"
                : userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
                : userAgent.contains("Windows") ? "Windows"
                : userAgent.contains("Mac OS") ? "macOS"
                : userAgent.contains("Linux") ? "Linux" : null;
        return system == null ? browser : browser + " · " + system;
    }
}
