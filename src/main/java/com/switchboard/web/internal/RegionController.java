package com.switchboard.web.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.switchboard.accounts.Actor;
import com.switchboard.notifications.Notifications;

/**
 * The live regions of the page chrome, each fetched alone when an event concerns it: the away
 * banner (R10) on away changes, the bell on notifications. The layout model fills in the viewer.
 */
@Controller
class RegionController {

    private final Notifications notifications;

    RegionController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/regions/banner")
    String banner() {
        return "fragments/banner :: banner";
    }

    @GetMapping("/regions/bell")
    String bell(Actor actor, Model model) {
        model.addAttribute("unreadNotifications", notifications.unreadCount(actor));
        return "fragments/bell :: bell";
    }
}
