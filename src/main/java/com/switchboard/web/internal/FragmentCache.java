package com.switchboard.web.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.web.IWebExchange;

/**
 * Rendered fragments kept for reuse, Basecamp style: a list row or a message looks the same to
 * every viewer with the same language, time zone and day until something it shows changes, and
 * the page names those things in the key. Rendering a row is most of a page's work; reusing it
 * is nearly free.
 *
 * <pre>{@code <ul th:utext="${#cached.each('inbox/list :: row', 'c', list.items(), {filter, people.stamp()})}">}</pre>
 *
 * <p>A fragment may hold a form, and so the CSRF token of the page that first rendered it: that
 * token is replaced by the current page's on every use, so that no viewer ever receives
 * another's.
 */
@Component
class FragmentCache {

    private static final int KEPT = 20_000;

    // Looked up when first needed: the template engine itself holds this cache (through #cached).
    private final ObjectProvider<ISpringTemplateEngine> templates;
    private final Clock clock;
    private final Map<Key, Rendered> rendered = new ConcurrentHashMap<>();

    // The fragment, the item it shows and what else it depends on, and the viewer's language, zone
    // and day (it may say "Tuesday").
    private record Key(String fragment, Object item, List<?> shows, Locale locale, ZoneId zone, LocalDate today) {
    }

    // The html, and the CSRF token it holds (the page's that rendered it), if it holds a form.
    private record Rendered(String html, String csrfToken) {
    }

    FragmentCache(ObjectProvider<ISpringTemplateEngine> templates, Clock clock) {
        this.templates = templates;
        this.clock = clock;
    }

    /** What templates call, as {@code #cached}: bound to the page being rendered. */
    final class ForPage {

        private final IExpressionContext page;
        private final Locale locale;
        private final ZoneId zone;
        private final LocalDate today;

        ForPage(IExpressionContext page) {
            this.page = page;
            this.locale = LocaleContextHolder.getLocale();
            this.zone = LocaleContextHolder.getTimeZone().toZoneId();
            this.today = LocalDate.now(clock.withZone(zone));
        }

        /**
         * The fragment ({@code "inbox/list :: row"}) rendered once for each of {@code items}, which
         * it sees as the variable {@code name}; {@code shows} lists what else it prints (the
         * filter in its links, the people stamp for the names in it).
         */
        public String each(String fragment, String name, Collection<?> items, List<?> shows) {
            var html = new StringBuilder();
            for (Object item : items) {
                html.append(one(fragment, name, item, shows));
            }
            return html.toString();
        }

        /** The fragment for one item; see {@link #each}. */
        public String one(String fragment, String name, Object item, List<?> shows) {
            var key = new Key(fragment, item, shows, locale, zone, today);
            Rendered html = rendered.get(key);
            if (html == null) {
                if (rendered.size() > KEPT) {
                    rendered.clear();
                }
                html = render(fragment, name, item);
                rendered.put(key, html);
            }
            return html.csrfToken() == null ? html.html() : html.html().replace(html.csrfToken(), pageToken());
        }

        private Rendered render(String fragment, String name, Object item) {
            String[] parts = fragment.split("::");
            var variables = new HashMap<String, Object>();
            for (String variable : page.getVariableNames()) {
                variables.put(variable, page.getVariable(variable));
            }
            variables.put(name, item);
            var context = new WebContext(exchange(), locale, variables);
            String html = templates.getObject().process(new TemplateSpec(parts[0].strip(), Set.of(parts[1].strip()),
                    TemplateMode.HTML, null), context);
            String token = pageToken();
            return new Rendered(html, !token.isEmpty() && html.contains(token) ? token : null);
        }

        private String pageToken() {
            var token = (CsrfToken) exchange().getAttributeValue(CsrfToken.class.getName());
            return token == null ? "" : token.getToken();
        }

        private IWebExchange exchange() {
            return ((IWebContext) page).getExchange();
        }
    }
}
