package com.switchboard.accounts.internal;

import java.time.Duration;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * logged in with an email gets a random token, kept only as a hash here; with it, that email may
 * still log in from that browser while failures slow it down for everyone else. An attacker
 * guessing passwords for someone's email therefore never locks its owner out of their own browser.
 */
@Component
class KnownDevices {

    static final String COOKIE = "sb_device";
    private static final Duration KEPT = Duration.ofDays(365);

    private final JdbcClient jdbc;

    KnownDevices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the browser's token was given to this email. */
    boolean knows(String token, String email) {
        if (token == null || token.isBlank() || email == null) {
            return false;
        }
        return jdbc.sql("""
                select exists (select 1 from known_device
                               where token_hash = :hash and email = :email and created_at > now() - cast(:kept as interval))
                """)
                .param("hash", SecretTokens.hash(token))
                .param("email", key(email))
                .param("kept", KEPT.toDays() + " days")
                .query(Boolean.class)
                .single();
    }

    /** Gives the browser a token for this email, after a successful log-in. */
    void remember(String email, HttpServletRequest request, HttpServletResponse response) {
        String token = SecretTokens.newToken();
        jdbc.sql("insert into known_device (token_hash, email, created_at) values (:hash, :email, now())")
                .param("hash", SecretTokens.hash(token))
                .param("email", key(email))
                .update();
        var cookie = new Cookie(COOKIE, token);
        cookie.setPath(request.getContextPath() + "/login");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) KEPT.toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** The token the browser sent, if any. */
    static String tokenOf(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    int prune() {
        return jdbc.sql("delete from known_device where created_at < now() - cast(:kept as interval)")
                .param("kept", KEPT.toDays() + " days")
                .update();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
