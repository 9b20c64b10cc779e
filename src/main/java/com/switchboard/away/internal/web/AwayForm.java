package com.switchboard.away.internal.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

import com.switchboard.away.AwayChange;
import com.switchboard.away.AwayStatus;

/**
 * The away status form, in Your settings and on a teammate's away page. Serializable, since a
 * refused form travels to the settings page as a flash attribute, in the session.
 */
// delegateId names a teammate or, from the teams' options, a team (R17): ids are never shared.
public record AwayForm(boolean away, UUID delegateId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnOn,
        String message) implements Serializable {

    static AwayForm of(AwayStatus status) {
        return new AwayForm(status.away(), status.delegateId() != null ? status.delegateId() : status.delegateTeamId(),
                status.returnOn(), status.message());
    }

    /** What the form asks for, with the account's teams to tell a team from a teammate; turned off, nothing else. */
    AwayChange change(Set<UUID> teamIds) {
        if (!away) {
            return AwayChange.off();
        }
        boolean team = delegateId != null && teamIds.contains(delegateId);
        return new AwayChange(true, team ? null : delegateId, returnOn, null, message, team ? delegateId : null);
    }
}
