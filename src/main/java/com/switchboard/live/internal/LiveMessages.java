package com.switchboard.live.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.switchboard.accounts.User;
import com.switchboard.notifications.Notifications;
import com.switchboard.web.NameFragments;
import com.switchboard.web.People;
import com.switchboard.web.Person;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each subscriber is sent for a log entry: the entry's facts, plus what its page needs to
 * show them at once. For an away change that is the person's name fragment, rendered in the
 * viewer's language and time zone, once per language and zone however many viewers share them.
 */
@Component
class LiveMessages {

    private final NameFragments names;
    private final People.Loader directory;
    private final Notifications notifications;
    private final JsonMapper json;

    LiveMessages(NameFragments names, People.Loader directory, Notifications notifications, JsonMapper json) {
        this.names = names;
        this.directory = directory;
        this.notifications = notifications;
        this.json = json;
    }

    /** The messages of one entry, built on demand for each viewer. */
    ForEvent of(LiveEvent event) {
        return new ForEvent(event);
    }

    final class ForEvent {

        private final LiveEvent event;
        private final Map<String, String> byLanguageAndZone = new HashMap<>();
        private People people;

        private ForEvent(LiveEvent event) {
            this.event = event;
        }

        String dataFor(User viewer) {
            return switch (event.type()) {
                case LiveTypes.AWAY -> byLanguageAndZone.computeIfAbsent(viewer.locale() + "|" + viewer.timeZone(),
                        key -> awayData(viewer.locale(), viewer.timeZone()));
                case LiveTypes.NOTIFICATION -> {
                    var data = facts();
                    data.put("unread", notifications.unreadCount(viewer.actor()));
                    yield json.writeValueAsString(data);
                }
                default -> event.payload();
            };
        }

        // The person who changed, and those whose bubble names them ("Alice Roy is away too").
        private String awayData(Locale locale, ZoneId zone) {
            if (people == null) {
                people = directory.of(event.accountId());
            }
            var data = facts();
            UUID userId = UUID.fromString(data.get("userId").asString());
            Person changed = people.of(userId);
            data.put("away", changed.isAway());
            var rendered = data.putArray("people");
            for (Person person : concat(changed, people.coveredBy(userId))) {
                var name = names.render(person, locale, zone);
                rendered.addObject()
                        .put("userId", name.userId().toString())
                        .put("away", name.away())
                        .put("html", name.html())
                        .put("htmlInControl", name.htmlInControl());
            }
            return json.writeValueAsString(data);
        }

        private ObjectNode facts() {
            return (ObjectNode) json.readTree(event.payload());
        }
    }

    private static List<Person> concat(Person first, List<Person> rest) {
        var all = new ArrayList<Person>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
