package com.switchboard.web;

import java.util.UUID;

/**
 * A teammate as a page shows them: what {@code fragments/user :: name(person)} needs.
 *
 * @param active false for a deactivated user, whose name still shows in history
 */
public record Person(UUID id, String name, boolean active) {

    static Person unknown(UUID id) {
        return new Person(id, "?", false);
    }
}
