package com.switchboard.teams;

import java.util.UUID;

/** A team of the account was created, renamed, deleted, or its members changed. */
public record TeamsChanged(UUID accountId, UUID teamId) {
}
