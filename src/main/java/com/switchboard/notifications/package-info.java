/**
 * In-app notifications: a teammate learns that a conversation became theirs, by hand or because
 * its owner is away. The unread count shows in every page's header.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package com.switchboard.notifications;
