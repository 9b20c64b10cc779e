package com.switchboard.web.internal;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import com.switchboard.system.InvalidInputException;
import com.switchboard.system.StorableText;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Refuses text that cannot be stored ({@link StorableText}) wherever people and API callers send
 * it, before anything is changed: in form fields and query parameters here, in JSON bodies with
 * {@link JsonStrings}. Webhooks are left alone: a customer's text is never refused, the webhook
 * cleans it.
 */
@Component
class StorableInput implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/webhooks/")) {
            return true;
        }
        var checks = new InvalidInputException.Checks();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                if (!checks.has(name) && !StorableText.isStorable(value)) {
                    checks.reject(name, "error.unstorableText");
                }
            }
        });
        checks.throwIfAny();
        return true;
    }

    /** Every string of a JSON body; a refusal names the field (see {@code Refusals}). */
    static final class JsonStrings extends StdScalarDeserializer<String> {

        JsonStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && !StorableText.isStorable(text)) {
                return (String) context.handleWeirdStringValue(String.class, text, "contains a character that cannot be stored");
            }
            return text;
        }
    }
}
