package com.switchboard.channels.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.switchboard.channels.SmsChannel;

/**
 * The customer phone simulator as a channel: a text "sent" to a customer is delivered at once to
 * the simulator page, which reads it from the conversation.
 */
@Component
class SimulatorChannel implements SmsChannel {

    private final SmsSettings settings;

    SimulatorChannel(SmsSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean serves(UUID accountId) {
        return settings.usesSimulator(accountId);
    }

    @Override
    public Outcome send(Text text) {
        return Outcome.delivered();
    }

    // The simulator's phone shows what the conversation holds: nothing left this process, so
    // "sending" again can never put a text on a phone twice.
    @Override
    public Optional<Outcome> lookUp(Text text, Instant askedAt) {
        return Optional.empty();
    }
}
