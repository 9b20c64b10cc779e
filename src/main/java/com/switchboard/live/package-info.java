/**
 * Live updates (spec rule R13): every open page of every user of an account hears, within about a
 * second, what changed, on one node or many.
 * <p>
 * What happens in the other modules (away status, assignments, messages, notifications) is
 * written to a short durable log, {@code live_event}, as the last thing of the transaction that
 * made it happen; PostgreSQL's {@code NOTIFY}, sent by that same transaction, tells every node
 * when it commits. Each node keeps its own subscribers ({@code GET /api/v1/stream}, Server-Sent
 * Events) and reads the log to serve them; a subscriber that reconnects with {@code Last-Event-ID}
 * gets what it missed from the log, or is told to refresh when the log no longer reaches back.
 * Other modules only publish their events; the one public type, {@link com.switchboard.live.LiveFacts},
 * is what a client is told of each event, shared with outgoing webhooks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live updates")
package com.switchboard.live;
