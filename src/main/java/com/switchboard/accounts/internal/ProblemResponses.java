package com.switchboard.accounts.internal;

import java.io.IOException;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import com.switchboard.system.ProblemTypes;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * problem+json answers written by the security filters, before any controller runs (401 without
 * or with a bad token, 403 on a missing CSRF token).
 */
@Component
class ProblemResponses {

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    void write(HttpServletResponse response, HttpStatus status, String titleKey, String detailKey) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        var body = new java.util.LinkedHashMap<String, Object>();
        String code = ProblemTypes.code(detailKey);
        body.put("type", ProblemTypes.type(code).toString());
        body.put("title", messages.getMessage(titleKey, null, locale));
        body.put("status", status.value());
        body.put("detail", messages.getMessage(detailKey, null, locale));
        body.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
