package com.switchboard.calendar.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.SettingsSection;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.calendar.internal.CalendarFeeds;
import com.switchboard.calendar.internal.ICalendarFeed;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The iCalendar feed (R24): its public address, which the token alone opens (calendar programs
 * send no cookie), and Your settings → Calendar feed, where a user makes its address, makes a new
 * one (the old one stops working) or turns it off. The settings page belongs to accounts; this
 * module adds its section's model. The token is never logged.
 */
@Controller
class CalendarFeedController implements SettingsSection {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;
    private final ICalendarFeed feed;
    private final Users users;

    CalendarFeedController(CalendarFeeds feeds, ICalendarFeed feed, Users users) {
        this.feeds = feeds;
        this.feed = feed;
        this.users = users;
    }

    /** Written as it is, whatever the client's Accept says: calendar programs differ in what they send. */
    @GetMapping("/calendar/feed/{token}.ics")
    void feed(@PathVariable String token, HttpServletResponse response) throws IOException {
        var owner = feeds.ownerOf(token).flatMap(o -> users.find(o.accountId(), o.userId()));
        if (owner.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = feed.write(owner.get()).getBytes(StandardCharsets.UTF_8);
        response.setContentType(TEXT_CALENDAR.toString());
        response.setHeader("Cache-Control", CacheControl.noCache().cachePrivate().getHeaderValue());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @PostMapping("/settings/calendar-feed")
    String renew(Actor actor, RedirectAttributes redirect) {
        redirect.addFlashAttribute("calendarFeedUrl", feeds.renew(actor));
        return "redirect:/settings#calendar-feed";
    }

    @PostMapping("/settings/calendar-feed/off")
    String turnOff(Actor actor, RedirectAttributes redirect) {
        feeds.turnOff(actor);
        redirect.addFlashAttribute("calendarFeedOff", true);
        return "redirect:/settings#calendar-feed";
    }

    @Override
    public void addTo(Map<String, Object> model, User me) {
        model.put("calendarFeedSection", true);
        model.put("calendarFeedSince", feeds.since(me.actor()).orElse(null));
    }
}
