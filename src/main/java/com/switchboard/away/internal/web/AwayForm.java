package com.switchboard.away.internal.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import com.switchboard.away.AwayChange;
import com.switchboard.away.AwayPeriod;
import com.switchboard.away.AwayStatus;

/**
 * The away status form, in Your settings and on a teammate's away page. Serializable, since a
 * refused form travels to the settings page as a flash attribute, in the session.
 *
 * @param handOverNow R19: also hand every open conversation to the delegate now; null (unchecked) means no
 * @param handBack R20: at the end, give back what the period moved; null (not asked yet) means yes
 */
// delegateId names a teammate or, from the teams' options, a team (R17): ids are never shared.
public record AwayForm(boolean away, UUID delegateId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnOn,
        String message, Boolean handOverNow, Boolean handBack) implements Serializable {

    static AwayForm of(AwayStatus status, AwayPeriod current) {
        return new AwayForm(status.away(), status.delegateId() != null ? status.delegateId() : status.delegateTeamId(),
                status.returnOn(), status.message(), false, current == null || current.handBack());
    }

    /** Whether the form says to give conversations back at the end (R20's default). */
    public boolean givesBack() {
        return handBack == null || handBack;
    }

    /** What the form asks for, with the account's teams to tell a team from a teammate; turned off, nothing else. */
    AwayChange change(Set<UUID> teamIds) {
        if (!away) {
            return AwayChange.off();
        }
        boolean team = delegateId != null && teamIds.contains(delegateId);
        return new AwayChange(true, team ? null : delegateId, returnOn, null, message, team ? delegateId : null,
                Boolean.TRUE.equals(handOverNow), givesBack());
    }
}
