package com.switchboard.notifications;

import java.util.UUID;

/** A teammate has a new notification. */
public record NotificationCreated(UUID accountId, UUID userId, UUID notificationId) {
}
