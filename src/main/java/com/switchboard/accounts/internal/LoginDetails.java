package com.switchboard.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a log-in comes from, for the throttles: the client's address, and the device cookie its
 * browser holds (null when none, or for an API client).
 */
public record LoginDetails(String client, String deviceToken) {

    public static LoginDetails of(HttpServletRequest request) {
        return new LoginDetails(request.getRemoteAddr(), KnownDevices.tokenOf(request));
    }
}
