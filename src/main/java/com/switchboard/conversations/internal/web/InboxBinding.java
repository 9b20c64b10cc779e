package com.switchboard.conversations.internal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.switchboard.conversations.AssigneeFilter;
import com.switchboard.conversations.ConversationStatus;
import com.switchboard.system.InvalidInputException;

/**
 * How the inbox's links bind to {@link InboxFilter}. A link is forgiving: a word it does not
 * understand reads as the default list, where the API answers 400 for the same word.
 */
@Configuration(proxyBeanMethods = false)
class InboxBinding implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, AssigneeFilter.class, text -> leniently(() -> AssigneeFilter.parse(text)));
        registry.addConverter(String.class, ConversationStatus.class,
                text -> leniently(() -> ConversationStatus.parse(text)));
    }

    private static <T> T leniently(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        }
        catch (InvalidInputException e) {
            return null;
        }
    }
}
