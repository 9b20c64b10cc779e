package com.switchboard.web.internal;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import com.switchboard.accounts.SignedIn;
import com.switchboard.notifications.Notifications;
import com.switchboard.system.Deployment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Adds what the page chrome needs to every rendered page: the viewer, and the people directory. */
@Component
class LayoutModel implements HandlerInterceptor {

    private final PeopleDirectory people;
    private final Notifications notifications;
    private final Deployment deployment;

    LayoutModel(PeopleDirectory people, Notifications notifications, Deployment deployment) {
        this.people = people;
        this.notifications = notifications;
        this.deployment = deployment;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        view.addObject("simulatorEnabled", deployment.simulatorEnabled());
        SignedIn.user(request).ifPresent(me -> {
            view.addObject("me", me);
            view.addObject("people", people.of(me.accountId()));
            view.addObject("unreadNotifications", notifications.unreadCount(me.actor()));
            view.addObject("currentUrl", currentUrl(request));
        });
    }

    /** Where the page is, so that a form in the chrome (the away banner) can come back to it. */
    private static String currentUrl(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
