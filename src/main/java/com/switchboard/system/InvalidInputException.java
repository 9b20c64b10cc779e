package com.switchboard.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

/** Bad input: every problem found at once, so a form can show them all. Nothing was changed. */
public class InvalidInputException extends SwitchboardException {

    public InvalidInputException(List<Problem> problems) {
        super(problems);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new Problem(field, messageKey, args)));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    public String titleKey() {
        return "error.invalidInput";
    }

    /** Collects the problems of one input, then refuses it if there is any. */
    public static final class Checks {

        private final List<Problem> problems = new ArrayList<>();

        public Checks reject(String field, String messageKey, Object... args) {
            problems.add(new Problem(field, messageKey, args));
            return this;
        }

        public boolean has(String field) {
            return problems.stream().anyMatch(p -> field.equals(p.field()));
        }

        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
    }
}
