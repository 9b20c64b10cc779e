/**
 * Conversations with customers: messages (inbound, outbound, notes), assignment, closing and
 * reopening, and the timeline of it all. Every inbound message goes through one routing step,
 * {@link com.switchboard.conversations.InboundRouting}, that other modules may provide.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversations")
package com.switchboard.conversations;
