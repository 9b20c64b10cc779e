package com.switchboard.calendar.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.User;
import com.switchboard.accounts.Users;
import com.switchboard.system.Deployment;
import com.switchboard.teams.Team;
import com.switchboard.teams.Teams;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The account's away periods as an iCalendar feed (RFC 5545) for one user, in their language: two
 * weeks back to a year ahead. A period given in days is an all-day event (its end is the return
 * day, exclusive, as RFC 5545 reads DTEND); one with an exact start or return, or ended early, a
 * timed event in UTC. A period with no return runs through today, so a calendar never shows a
 * future the team has not decided (see docs/decisions.md). Written by ical4j, never by hand.
 */
@Component
public class ICalendarFeed {

    static final String PRODID = "-//Switchboard//Team calendar//EN";
    private static final int DAYS_AHEAD = 366;

    private final TeamCalendar calendar;
    private final Users users;
    private final Teams teams;
    private final MessageSource messages;
    private final String host;

    ICalendarFeed(TeamCalendar calendar, Users users, Teams teams, MessageSource messages, Deployment deployment) {
        this.calendar = calendar;
        this.users = users;
        this.teams = teams;
        this.messages = messages;
        this.host = deployment.publicUrl().getHost() == null ? "switchboard" : deployment.publicUrl().getHost();
    }

    /** The feed of {@code owner}, as text/calendar. */
    public String write(User owner) {
        Actor actor = owner.actor();
        Locale locale = owner.locale();
        LocalDate today = calendar.today(owner.timeZone());
        var from = today.minusDays(TeamCalendar.DAYS_BACK).atStartOfDay(owner.timeZone()).toInstant();
        var to = today.plusDays(DAYS_AHEAD).atStartOfDay(owner.timeZone()).toInstant();
        Map<UUID, User> people = users.all(actor.accountId()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        Map<UUID, String> teamNames = teams.all(actor.accountId()).stream()
                .collect(Collectors.toMap(Team::id, Team::name));
        Instant now = calendar.now();

        var ical = new Calendar();
        ical.add(new ProdId(PRODID));
        ical.add(ImmutableVersion.VERSION_2_0);
        ical.add(ImmutableCalScale.GREGORIAN);
        ical.add(ImmutableMethod.PUBLISH);
        ical.add(new XProperty("X-WR-CALNAME", text(locale, "calendar.feed.name")));
        for (var entry : calendar.entries(actor, from, to)) {
            User user = people.get(entry.userId());
            ical.add(event(entry, user, people, teamNames, locale, owner.timeZone(), now));
        }
        var out = new StringWriter();
        try {
            new CalendarOutputter(false).output(ical, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private VEvent event(TeamCalendar.Entry entry, User user, Map<UUID, User> people, Map<UUID, String> teamNames,
            Locale locale, ZoneId viewerZone, Instant now) {
        var p = entry.period();
        String summary = text(locale, "calendar.feed.summary", user.name());
        VEvent event;
        boolean byDays = p.startOn() != null && !entry.endedEarly() && (p.returnOn() != null || entry.endsAt() == null);
        if (byDays) {
            LocalDate end = p.returnOn();
            if (end == null) {
                // Until turned off: through today, in the away user's time zone.
                end = max(p.startOn().plusDays(1), calendar.today(entry.zone()).plusDays(1));
            }
            event = new VEvent(p.startOn(), end, summary);
        }
        else {
            Instant end = entry.endsAt();
            if (end == null) {
                Instant tomorrow = calendar.today(entry.zone()).plusDays(1).atStartOfDay(entry.zone()).toInstant();
                Instant dayAfterStart = entry.startsAt().plus(java.time.Duration.ofDays(1));
                end = tomorrow.isAfter(dayAfterStart) ? tomorrow : dayAfterStart;
            }
            event = new VEvent(entry.startsAt(), end, summary);
        }
        event.replace(new DtStamp(now));
        event.add(new Uid(p.id() + "@" + host));
        // Someone else's absence does not make the reader busy.
        event.add(new Transp("TRANSPARENT"));
        if (p.updatedAt() != null) {
            event.add(new LastModified(p.updatedAt()));
        }
        event.add(new Description(description(entry, user, people, teamNames, locale, viewerZone)));
        return event;
    }

    private String description(TeamCalendar.Entry entry, User user, Map<UUID, User> people,
            Map<UUID, String> teamNames, Locale locale, ZoneId viewerZone) {
        var p = entry.period();
        var lines = new ArrayList<String>();
        if (p.delegateId() != null && people.containsKey(p.delegateId())) {
            lines.add(text(locale, "calendar.feed.delegate", people.get(p.delegateId()).name()));
        }
        else if (p.delegateTeamId() != null && teamNames.containsKey(p.delegateTeamId())) {
            lines.add(text(locale, "calendar.feed.queue", teamNames.get(p.delegateTeamId())));
        }
        else {
            lines.add(text(locale, "calendar.feed.noDelegate", user.name()));
        }
        if (entry.endedEarly()) {
            lines.add(text(locale, "calendar.feed.ended", dateTime(p.endedAt(), viewerZone, locale)));
        }
        else if (p.returnOn() != null) {
            lines.add(text(locale, "calendar.feed.returnOn", date(p.returnOn(), locale)));
        }
        else if (p.returnAt() != null) {
            lines.add(text(locale, "calendar.feed.returnOn", dateTime(p.returnAt(), viewerZone, locale)));
        }
        else {
            lines.add(text(locale, "calendar.feed.open"));
        }
        if (entry.state() == TeamCalendar.State.PLANNED) {
            lines.add(text(locale, "calendar.feed.planned"));
        }
        return String.join("\n", lines);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
    }

    private static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
