package com.switchboard.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders the one name fragment ({@code fragments/user :: name}) for a person, as a viewer of
 * some language and time zone sees it: how pages show every name ({@code people.html(id)}), and
 * what a live update puts in place of a name already on a page. The same person looks the same to
 * the same viewer until something about them changes, so each rendering is kept and reused: a page
 * with a name fifty times renders it once, and the next page not at all.
 */
@Component
public class NameFragments {

    private static final int KEPT = 20_000;

    private final ISpringTemplateEngine templates;
    private final ThymeleafEvaluationContext beans;
    private final Clock clock;
    private final Map<Key, String> rendered = new ConcurrentHashMap<>();

    NameFragments(ISpringTemplateEngine templates, ApplicationContext context, Clock clock) {
        this.templates = templates;
        this.beans = new ThymeleafEvaluationContext(context, null);
        this.clock = clock;
    }

    /** A person's name, both ways it appears on pages: on its own, and inside a link or button. */
    public record Rendered(UUID userId, boolean away, String html, String htmlInControl) {
    }

    // Everything the fragment's output depends on: the person as shown (their away status and who
    // covers included), where it stands, and the viewer's language, zone and day (dates say "Thursday").
    private record Key(Person person, boolean inControl, Locale locale, ZoneId zone, LocalDate today) {
    }

    public Rendered render(Person person, Locale locale, ZoneId zone) {
        return new Rendered(person.id(), person.isAway(), html(person, false, locale, zone),
                html(person, true, locale, zone));
    }

    /** The name fragment's HTML, for a person (null: nobody) seen by a viewer in that language and zone. */
    public String html(Person person, boolean inControl, Locale locale, ZoneId zone) {
        var key = new Key(person, inControl, locale, zone, LocalDate.now(clock.withZone(zone)));
        String html = rendered.get(key);
        if (html == null) {
            if (rendered.size() > KEPT) {
                rendered.clear();
            }
            html = renderNow(person, inControl, locale, zone);
            rendered.put(key, html);
        }
        return html;
    }

    private String renderNow(Person person, boolean inControl, Locale locale, ZoneId zone) {
        var previous = LocaleContextHolder.getLocaleContext();
        // The date formats read the viewer's zone from here, as they do during a page request.
        LocaleContextHolder.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(locale, TimeZone.getTimeZone(zone)));
        try {
            var context = new Context(locale);
            context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, beans);
            context.setVariable("person", person);
            context.setVariable("nameInControl", inControl);
            return templates.process("live/name", context).strip();
        }
        finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }
}
