package com.switchboard.away.internal.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import com.switchboard.away.AwayChange;
import com.switchboard.away.AwayStatus;

/**
 * The away status form, in Your settings and on a teammate's away page. Serializable, since a
 * refused form travels to the settings page as a flash attribute, in the session.
 */
public record AwayForm(boolean away, UUID delegateId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnOn,
        String message) implements Serializable {

    static AwayForm of(AwayStatus status) {
        return new AwayForm(status.away(), status.delegateId(), status.returnOn(), status.message());
    }

    /** What the form asks for; turned off, the other fields mean nothing. */
    AwayChange change() {
        return away ? new AwayChange(true, delegateId, returnOn, null, message) : AwayChange.off();
    }
}
