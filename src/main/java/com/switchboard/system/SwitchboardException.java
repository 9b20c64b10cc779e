package com.switchboard.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user should understand. It carries message keys, not text, so that the web layer
 * can say it in the caller's language: as problem+json for the API, as form errors for pages.
 */
public abstract class SwitchboardException extends RuntimeException {

    private final List<Problem> problems;

    protected SwitchboardException(List<Problem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).messageKey());
        this.problems = List.copyOf(problems);
    }

    protected SwitchboardException(String messageKey, Object... args) {
        this(List.of(new Problem(null, messageKey, args)));
    }

    public abstract HttpStatus status();

    /** The title's message key, for example {@code error.notFound}. */
    public abstract String titleKey();

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One thing that is wrong.
     *
     * @param field the input field it concerns, or null for the request as a whole
     * @param messageKey the key of the human message in {@code messages*.properties}
     * @param args the message's arguments
     */
    public record Problem(String field, String messageKey, Object... args) {
    }
}
