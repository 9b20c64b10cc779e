package com.switchboard.web.internal;

import java.net.URI;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import com.switchboard.accounts.SignedIn;
import com.switchboard.notifications.Notifications;
import com.switchboard.system.Deployment;
import com.switchboard.teams.Teams;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Adds what the page chrome needs to every rendered page and fragment: the viewer and the people
 * directory (loaded on first use); to whole pages also the unread count of the bell.
 */
@Component
class LayoutModel implements HandlerInterceptor {

    private final PeopleDirectory people;
    private final Notifications notifications;
    private final Deployment deployment;
    private final Teams teams;

    LayoutModel(PeopleDirectory people, Notifications notifications, Deployment deployment, Teams teams) {
        this.teams = teams;
        this.people = people;
        this.notifications = notifications;
        this.deployment = deployment;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        addTo(view, request);
    }

    /** Adds the chrome's model to a view about to be rendered (nothing for a redirect). */
    void addTo(ModelAndView view, HttpServletRequest request) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        boolean wholePage = !view.getViewName().contains("::");
        view.addObject("simulatorEnabled", deployment.simulatorEnabled());
        SignedIn.user(request).ifPresent(me -> {
            view.addObject("me", me);
            view.addObject("people", people.of(me.accountId()));
            view.addObject("teamNames", new TeamDirectory(() -> teams.all(me.accountId())));
            view.addObject("currentUrl", currentUrl(request));
            if (wholePage) {
                view.addObject("unreadNotifications", notifications.unreadCount(me.actor()));
            }
        });
    }

    /**
     * Where the page is, so that a form in the chrome (the away banner) can come back to it: the
     * request's own address, or for a fragment the page's, which htmx sends.
     */
    private static String currentUrl(HttpServletRequest request) {
        String page = request.getHeader("HX-Current-URL");
        if (page != null) {
            try {
                var uri = URI.create(page);
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            }
            catch (IllegalArgumentException e) {
                return "/";
            }
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
