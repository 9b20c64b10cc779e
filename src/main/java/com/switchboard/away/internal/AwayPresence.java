package com.switchboard.away.internal;

import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.switchboard.accounts.UserPresence;
import com.switchboard.away.AwayStatuses;

/** Tells the user API who is away now. */
@Component
class AwayPresence implements UserPresence {

    private final AwayStatuses statuses;

    AwayPresence(AwayStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Set<UUID> awayNow(UUID accountId) {
        return statuses.awayNow(accountId).keySet();
    }
}
