package com.switchboard.channels;

import java.util.UUID;

/** Whether an account texts through a provider of its own yet (rather than the simulator). */
public interface SmsConnection {

    boolean connected(UUID accountId);
}
