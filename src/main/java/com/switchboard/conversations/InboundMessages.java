package com.switchboard.conversations;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.conversations.internal.ConversationRepository;
import com.switchboard.conversations.internal.TimelineRepository;
import com.switchboard.customers.Customers;
import com.switchboard.system.StorableText;

/**
 * Where every customer text enters, whatever the channel: it finds or creates the customer,
 * stores the message in their conversation (reopening it), and runs the routing step, all in one
 * transaction with the conversation locked.
 */
@Service
public class InboundMessages {

    /** Where a text longer than any text may be was cut. */
    static final String TRUNCATED = " […]";

    private final Customers customers;
    private final ConversationRepository conversationRepository;
    private final Conversations conversations;
    private final ObjectProvider<InboundRouting> routing;
    private final TimelineRepository timeline;
    private final Clock clock;

    InboundMessages(Customers customers, ConversationRepository conversationRepository, Conversations conversations,
            ObjectProvider<InboundRouting> routing, TimelineRepository timeline, Clock clock) {
        this.timeline = timeline;
        this.customers = customers;
        this.conversationRepository = conversationRepository;
        this.conversations = conversations;
        this.routing = routing;
        this.clock = clock;
    }

    /** What became of an inbound text. */
    public record Received(UUID customerId, UUID conversationId, Message message, UUID assigneeId) {
    }

    /**
     * Stores a text from {@code fromE164} to the account.
     *
     * @param fromE164 the sender's number, already in E.164
     */
    @Transactional
    public Received receive(UUID accountId, String fromE164, String body) {
        return receive(accountId, fromE164, body, null).orElseThrow();
    }

    /**
     * Stores a text the SMS provider knows as {@code providerSid}, once: empty when that text was
     * stored before (providers deliver again when unsure, sometimes twice at once).
     */
    @Transactional
    public Optional<Received> receive(UUID accountId, String fromE164, String body, String providerSid) {
        return receive(accountId, fromE164, body, providerSid, null);
    }

    /**
     * Stores a text as above; a conversation that starts with it (a customer nobody has written
     * with yet, in no team and with no assignee) starts in {@code startTeamId}'s queue: the team
     * the number it was sent to names.
     */
    @Transactional
    public Optional<Received> receive(UUID accountId, String fromE164, String body, String providerSid,
            UUID startTeamId) {
        var now = clock.instant();
        // The claim comes first, so that a second delivery changes nothing at all.
        if (providerSid != null && !timeline.claimReceipt(accountId, providerSid, now)) {
            return Optional.empty();
        }
        var customer = customers.byPhoneOrNew(accountId, fromE164);
        var conversation = conversationRepository.lockByCustomer(accountId, customer.id()).orElseThrow();
        UUID teamId = conversation.teamId();
        if (startTeamId != null && conversation.lastMessagePreview() == null && teamId == null
                && conversation.assigneeId() == null) {
            conversationRepository.setTeam(accountId, conversation.id(), startTeamId);
            teamId = startTeamId;
        }
        // Whatever a customer sends is kept, never refused; an empty text (a picture alone) still shows.
        body = keepable(body == null ? "" : body);
        var message = conversations.append(conversation, MessageKind.INBOUND, body, null, now);
        if (providerSid != null) {
            timeline.setProviderSid(accountId, message.id(), providerSid);
        }
        Boolean optsOut = OptOutKeywords.optsOut(body);
        if (optsOut != null) {
            customers.setSubscribed(accountId, customer.id(), !optsOut, now);
        }
        var decision = routing.getIfAvailable(() -> inbound -> InboundRouting.Decision.keep())
                .route(new InboundRouting.Inbound(accountId, conversation.id(), customer.id(),
                        conversation.assigneeId(), teamId, now));
        UUID assignee = conversation.assigneeId();
        if (decision.toQueue() && assignee != null) {
            conversations.queueByRule(conversation, decision.queueTeamId(), decision.reason(), now);
            assignee = null;
        }
        else if (decision.reassigns() && !decision.toUserId().equals(assignee)) {
            conversations.changeAssignee(conversation, decision.toUserId(), null, decision.reason(), now);
            assignee = decision.toUserId();
        }
        else if (decision.kept() != null) {
            conversations.recordKept(conversation, decision.kept(), now);
        }
        return Optional.of(new Received(customer.id(), conversation.id(), message, assignee));
    }

    /**
     * A customer's text as it can be kept: without the characters that cannot be stored
     * ({@link StorableText}), and cut at {@link Conversations#MAX_BODY} characters, the most any
     * text may have, with a visible mark where it was cut.
     */
    static String keepable(String body) {
        String cleaned = StorableText.clean(body);
        if (cleaned.length() <= Conversations.MAX_BODY) {
            return cleaned;
        }
        int end = Conversations.MAX_BODY;
        if (Character.isHighSurrogate(cleaned.charAt(end - 1))) {
            end--;
        }
        return cleaned.substring(0, end) + TRUNCATED;
    }
}
