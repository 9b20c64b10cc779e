package com.switchboard.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.switchboard.system.DatabaseAway;
import com.switchboard.system.ProblemTypes;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * When PostgreSQL cannot be reached, every request that needs it answers 503 with
 * {@code Retry-After} as soon as the pool gives up (2 s, {@code spring.datasource.hikari.connection-timeout}),
 * instead of a 500: Twilio retries a webhook answered 503, an API client knows to try again, and
 * a person sees a page that says what is going on. Outermost of all filters, so that it also
 * covers the session and security filters, which read the database before any controller runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailable extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Set<String> LANGUAGES = Set.of("en", "fr");

    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final JsonMapper json;

    DatabaseUnavailable(MessageSource messages, ITemplateEngine templates, JsonMapper json) {
        this.messages = messages;
        this.templates = templates;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (ServletException | RuntimeException e) {
            if (!DatabaseAway.causedIt(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(),
                    DatabaseAway.describe(e));
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        Locale locale = LANGUAGES.contains(request.getLocale().getLanguage()) ? request.getLocale() : Locale.ENGLISH;
        String title = messages.getMessage("error.unavailable", null, locale);
        String detail = messages.getMessage("error.unavailable.detail", null, locale);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/webhooks/") || path.startsWith("/actuator/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", ProblemTypes.type("unavailable").toString());
            problem.put("status", 503);
            problem.put("title", title);
            problem.put("detail", detail);
            problem.put("code", "unavailable");
            response.getWriter().write(json.writeValueAsString(problem));
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        var context = new Context(locale);
        context.setVariable("title", title);
        context.setVariable("detail", detail);
        templates.process("unavailable", context, response.getWriter());
    }
}
