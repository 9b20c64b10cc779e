package com.switchboard.away.internal.web;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import com.switchboard.away.AwayStatus;

/**
 * The away status form, in Your settings and on a teammate's away page. Serializable, since a
 * refused form travels to the settings page as a flash attribute, in the session.
 */
public class AwayForm implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;


    private boolean away;
    private UUID delegateId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate returnOn;
    private String message;

    static AwayForm of(AwayStatus status) {
        var form = new AwayForm();
        form.away = status.away();
        form.delegateId = status.delegateId();
        form.returnOn = status.returnOn();
        form.message = status.message();
        return form;
    }

    public boolean isAway() {
        return away;
    }

    public void setAway(boolean away) {
        this.away = away;
    }

    public UUID getDelegateId() {
        return delegateId;
    }

    public void setDelegateId(UUID delegateId) {
        this.delegateId = delegateId;
    }

    public LocalDate getReturnOn() {
        return returnOn;
    }

    public void setReturnOn(LocalDate returnOn) {
        this.returnOn = returnOn;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
