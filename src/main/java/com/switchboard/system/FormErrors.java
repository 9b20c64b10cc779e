package com.switchboard.system;

import org.springframework.beans.NotReadablePropertyException;
import org.springframework.validation.BindingResult;

/** Puts a refusal's problems on a page form, beside the fields they concern. */
public final class FormErrors {

    private FormErrors() {
    }

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
