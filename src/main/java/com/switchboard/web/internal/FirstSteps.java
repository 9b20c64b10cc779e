package com.switchboard.web.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.Actor;
import com.switchboard.accounts.SignedIn;
import com.switchboard.channels.SmsConnection;
import com.switchboard.conversations.Conversations;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A new account's first steps, on the inbox's empty pane for its admins: invite teammates, try
 * the phone simulator, connect an SMS number. Each is done by doing it; all of them go away once
 * done, or when an admin puts them away.
 */
@Controller
@Configuration(proxyBeanMethods = false)
class FirstSteps implements WebMvcConfigurer, HandlerInterceptor {

    /** What the card shows: which steps are done. */
    record Steps(boolean invited, boolean texted, boolean connected) {

        boolean allDone() {
            return invited && texted && connected;
        }
    }

    private final Accounts accounts;
    private final Conversations conversations;
    private final SmsConnection sms;
    private final PeopleDirectory people;

    FirstSteps(Accounts accounts, Conversations conversations, SmsConnection sms, PeopleDirectory people) {
        this.accounts = accounts;
        this.conversations = conversations;
        this.sms = sms;
        this.people = people;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")) {
            return;
        }
        SignedIn.user(request).filter(me -> me.isAdmin()).ifPresent(me -> {
            Actor actor = me.actor();
            if (accounts.firstStepsDismissed(actor)) {
                return;
            }
            var steps = new Steps(people.of(actor.accountId()).active().size() > 1,
                    conversations.any(actor),
                    sms.connected(actor.accountId()));
            if (!steps.allDone()) {
                view.addObject("firstSteps", steps);
            }
        });
    }

    @PostMapping("/first-steps/dismiss")
    String dismiss(Actor actor) {
        accounts.dismissFirstSteps(actor);
        return "redirect:/";
    }
}
