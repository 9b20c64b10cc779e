package com.switchboard.web;

import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Renders a person's name fragment away from any page, for a given viewer's language and time
 * zone: what a live update puts in place of every rendering of that name already on a page. It is
 * the same fragment the pages use ({@code fragments/user :: name}), so a name looks the same
 * however it arrived.
 */
@Component
public class NameFragments {

    private final ISpringTemplateEngine templates;
    private final ThymeleafEvaluationContext beans;
    private final People.Loader loader;

    NameFragments(ISpringTemplateEngine templates, ApplicationContext context, People.Loader loader) {
        this.templates = templates;
        this.beans = new ThymeleafEvaluationContext(context, null);
        this.loader = loader;
    }

    /** A person's name, both ways it appears on pages: on its own, and inside a link or button. */
    public record Rendered(UUID userId, boolean away, String html, String htmlInControl) {
    }

    /** Everyone of the account with their away status now, loaded on first use. */
    public People people(UUID accountId) {
        return loader.of(accountId);
    }

    public Rendered render(Person person, Locale locale, ZoneId zone) {
        var previous = LocaleContextHolder.getLocaleContext();
        // The date formats read the viewer's zone from here, as they do during a page request.
        LocaleContextHolder.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(locale, TimeZone.getTimeZone(zone)));
        try {
            return new Rendered(person.id(), person.isAway(), render(person, locale, false), render(person, locale, true));
        }
        finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    private String render(Person person, Locale locale, boolean inControl) {
        var context = new Context(locale);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, beans);
        context.setVariable("person", person);
        context.setVariable("nameInControl", inControl);
        return templates.process("live/name", context).strip();
    }
}
