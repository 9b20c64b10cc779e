package com.switchboard.channels.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.switchboard.channels.SmsChannel;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.DeliveryStatus;
import com.switchboard.conversations.MessageKind;
import com.switchboard.conversations.MessageRecorded;

/**
 * Sends each outbound message once its transaction has committed. The event publication registry
 * keeps the event until this listener completes, so a crash between storing and sending loses
 * nothing: the send is retried when the application restarts.
 */
@Component
class OutboundDelivery {

    private static final Logger log = LoggerFactory.getLogger(OutboundDelivery.class);

    private final List<SmsChannel> channels;
    private final Conversations conversations;

    OutboundDelivery(List<SmsChannel> channels, Conversations conversations) {
        this.channels = channels;
        this.conversations = conversations;
    }

    @ApplicationModuleListener
    void on(MessageRecorded recorded) {
        if (recorded.kind() != MessageKind.OUTBOUND) {
            return;
        }
        var message = conversations.message(recorded.accountId(), recorded.messageId());
        var conversation = conversations.conversation(recorded.accountId(), recorded.conversationId());
        var channel = channels.stream().filter(c -> c.serves(recorded.accountId())).findFirst();
        if (channel.isEmpty()) {
            conversations.recordDelivery(recorded.accountId(), message.id(), DeliveryStatus.FAILED,
                    "No SMS channel is configured for this account.");
            return;
        }
        var outcome = channel.get().send(new SmsChannel.Text(recorded.accountId(), message.id(),
                conversation.customer().phone(), message.body()));
        conversations.recordDelivery(recorded.accountId(), message.id(), outcome.status(), outcome.error());
        log.debug("Message {} sent: {}", message.id(), outcome.status());
    }
}
