package com.switchboard.web.internal;

import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.web.servlet.i18n.AbstractLocaleContextResolver;
import org.springframework.web.util.WebUtils;

import com.switchboard.accounts.Languages;
import com.switchboard.accounts.SignedIn;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The viewer's language and time zone. A signed-in user gets the ones in their settings, on every
 * page and in every API message, unless an API call asks for a language of its own with
 * {@code Accept-Language} (an integration speaks for whoever it serves, not for the token's owner;
 * browsers send the header on every page, so pages keep to the settings). Before signing in, a
 * {@code ?lang=} choice (kept in a cookie) or the browser's languages decide.
 */
class ViewerLocaleResolver extends AbstractLocaleContextResolver {

    static final String COOKIE = "switchboard-lang";

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        var user = SignedIn.user(request);
        if (user.isPresent()) {
            Locale asked = isApi(request) ? acceptedLanguage(request) : null;
            return new SimpleTimeZoneAwareLocaleContext(asked != null ? asked : user.get().locale(),
                    TimeZone.getTimeZone(user.get().timeZone()));
        }
        return new SimpleTimeZoneAwareLocaleContext(anonymousLocale(request), TimeZone.getTimeZone(ZoneId.of("UTC")));
    }

    private static Locale anonymousLocale(HttpServletRequest request) {
        Locale chosen = Languages.find(request.getParameter("lang"));
        if (chosen != null) {
            return chosen;
        }
        Cookie cookie = WebUtils.getCookie(request, COOKIE);
        if (cookie != null && Languages.find(cookie.getValue()) != null) {
            return Languages.find(cookie.getValue());
        }
        Locale accepted = acceptedLanguage(request);
        return accepted != null ? accepted : Languages.ENGLISH;
    }

    /** The first language of {@code Accept-Language} that Switchboard speaks, or null. */
    private static Locale acceptedLanguage(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return null;
        }
        var browser = request.getLocales();
        while (browser.hasMoreElements()) {
            Locale found = Languages.find(browser.nextElement().toLanguageTag());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        if (context != null && context.getLocale() != null) {
            var cookie = new Cookie(COOKIE, context.getLocale().getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
    }
}
