package com.switchboard.channels.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.switchboard.channels.SmsChannel;
import com.switchboard.conversations.DeliveryStatus;
import com.switchboard.system.Deployment;

/**
 * The customer phone simulator as a channel: a text "sent" to a customer is delivered at once to
 * the simulator page, which reads it from the conversation.
 */
@Component
class SimulatorChannel implements SmsChannel {

    private final Deployment deployment;

    SimulatorChannel(Deployment deployment) {
        this.deployment = deployment;
    }

    @Override
    public boolean serves(UUID accountId) {
        return deployment.simulatorEnabled();
    }

    @Override
    public Outcome send(Text text) {
        return new Outcome(DeliveryStatus.DELIVERED, null);
    }
}
