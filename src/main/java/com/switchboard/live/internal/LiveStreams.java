package com.switchboard.live.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.switchboard.accounts.Access;
import com.switchboard.accounts.User;

/** What the module's web side needs: opening a stream, and where an account's log stands. */
@Component
public class LiveStreams {

    private final LiveHub hub;
    private final LiveLog liveLog;

    LiveStreams(LiveHub hub, LiveLog liveLog) {
        this.hub = hub;
        this.liveLog = liveLog;
    }

    /**
     * Opens a stream for someone who has seen the account's events up to {@code lastId}; with no
     * id, from now on.
     */
    public SseEmitter open(User viewer, Access access, Long lastId) {
        return hub.subscribe(viewer, access, lastId != null ? lastId : liveLog.position(viewer.accountId()));
    }

    /** Where the account's log stands: a page rendered now shows everything up to here. */
    public long position(UUID accountId) {
        return liveLog.position(accountId);
    }
}
