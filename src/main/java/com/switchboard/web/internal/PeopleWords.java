package com.switchboard.web.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.switchboard.web.Person;

/**
 * What pages say about a person in words rather than markup, in the viewer's language and time
 * zone: the lines of an away person's bubble (R12) and the same words as the clock's accessible
 * name, so that a screen reader hears what a mouse user reads; and the assignee picker's name.
 * Templates use it as {@code ${#words.bubble(person)}} (see {@link ExpressionObjects}).
 */
@Component
public class PeopleWords {

    private final MessageSource messages;
    private final Formats formats;

    PeopleWords(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** The bubble's lines: who covers (or that nobody does), when they are back, their note; or just "Away". */
    public List<String> bubble(Person person) {
        var away = person.away();
        var lines = new ArrayList<String>();
        if (away.coverage().named()) {
            lines.add(text(away.coverage().key("bubble"), away.coverage().delegateName(), person.name(),
                    away.coverage().queueName()));
        }
        if (away.returnOn() != null) {
            lines.add(text("away.bubble.returnOn", formats.longDate(away.returnOn())));
        }
        if (away.returnAt() != null) {
            lines.add(text("away.bubble.returnAt", formats.longDateTime(away.returnAt())));
        }
        if (away.bare()) {
            lines.add(text("away.bubble.away"));
        }
        if (away.message() != null) {
            lines.add(text("away.bubble.message", away.message()));
        }
        return lines;
    }

    /** The clock's accessible name: "Bob Martin is away. New conversations go to Alice Roy. Back on …". */
    public String clockLabel(Person person) {
        var label = new StringBuilder(text("away.clockLabel", person.name())).append('.');
        for (String line : bubble(person)) {
            if (!line.equals(text("away.bubble.away"))) {
                label.append(' ').append(line).append(line.matches(".*[.!?”»]$") ? "" : ".");
            }
        }
        return label.toString();
    }

    /**
     * The assignee picker's accessible name: who has the conversation now, whether they are away
     * and who receives its new messages, and what the control does.
     */
    public String pickerLabel(Person assignee) {
        if (assignee == null) {
            return text("panel.assignee.label", text("person.nobody"));
        }
        String who = assignee.isAway() ? clockLabel(assignee) : assignee.name();
        return text("panel.assignee.label", who);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
