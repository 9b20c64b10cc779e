package com.switchboard.web.internal;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import com.switchboard.accounts.SignedIn;
import com.switchboard.accounts.Users;
import com.switchboard.system.Deployment;
import com.switchboard.web.People;
import com.switchboard.web.Person;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Adds what the page chrome needs to every rendered page: the viewer, and the people directory. */
@Component
class LayoutModel implements HandlerInterceptor {

    private final Users users;
    private final Deployment deployment;

    LayoutModel(Users users, Deployment deployment) {
        this.users = users;
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
            view.addObject("people", new People(() -> users.all(me.accountId()).stream()
                    .map(u -> new Person(u.id(), u.name(), u.active()))
                    .toList()));
        });
    }
}
