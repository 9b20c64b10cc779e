package com.switchboard.system;

import java.util.function.Supplier;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The one way a page form meets a refusal: the submission runs, and bad input or a conflict
 * becomes errors on the form, beside the fields they concern, on the page shown again. Anything
 * else (not found, forbidden) goes on to the error pages.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Runs {@code submit} and returns its view; if the input is refused, puts the problems on
     * {@code form} and returns the view of {@code again} (the same page, with the form as typed).
     */
    public static String submit(BindingResult form, Supplier<String> submit, Supplier<String> again) {
        // A value of the wrong type (an id that is not one, a date that does not exist) is not
        // something a page offers; the typed form could not even be made. Refused as bad input.
        var unreadable = form.getFieldErrors().stream().filter(FieldError::isBindingFailure)
                .map(error -> new SwitchboardException.Problem(error.getField(), "error.invalidParameter",
                        error.getField()))
                .toList();
        if (!unreadable.isEmpty()) {
            throw new InvalidInputException(unreadable);
        }
        try {
            return submit.get();
        }
        catch (InvalidInputException | ConflictException refused) {
            bind(refused, form);
            return again.get();
        }
    }

    /** Puts a refusal's problems on a form. */
    public static void bind(SwitchboardException refusal, BindingResult form) {
        for (var problem : refusal.problems()) {
            if (problem.field() != null && isField(form, problem.field())) {
                form.rejectValue(problem.field(), problem.messageKey(), problem.args(), problem.messageKey());
            }
            else {
                form.reject(problem.messageKey(), problem.args(), problem.messageKey());
            }
        }
    }

    private static boolean isField(BindingResult form, String field) {
        try {
            return form.getFieldType(field) != null;
        }
        catch (NotReadablePropertyException e) {
            return false;
        }
    }
}
