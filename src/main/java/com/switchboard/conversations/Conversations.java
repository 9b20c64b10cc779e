package com.switchboard.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.Users;
import com.switchboard.conversations.internal.ConversationRepository;
import com.switchboard.conversations.internal.TimelineRepository;
import com.switchboard.customers.Customers;
import com.switchboard.system.ConflictException;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;
import com.switchboard.teams.Teams;

/**
 * Reading and working conversations: the inbox lists, the timeline, replies and notes, assignment
 * (to a teammate, or into a team's queue), closing and reopening. Pages and the API both call these methods.
 */
@Service
public class Conversations {

    public static final int MAX_BODY = 1600;
    private static final int PREVIEW_LENGTH = 140;

    private final ConversationRepository conversations;
    private final TimelineRepository timeline;
    private final Users users;
    private final Teams teams;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Conversations(ConversationRepository conversations, TimelineRepository timeline, Users users, Teams teams,
            ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.timeline = timeline;
        this.users = users;
        this.teams = teams;
        this.events = events;
        this.clock = clock;
    }

    public ConversationPage list(Actor actor, ConversationQuery query) {
        String filter = switch (query.assignee()) {
            case ME, USER -> "user";
            case UNASSIGNED -> "none";
            case ANYONE -> "any";
        };
        UUID assigneeId = query.assignee() == ConversationQuery.Assignee.ME ? actor.userId() : query.assigneeId();
        if (query.assignee() == ConversationQuery.Assignee.USER && assigneeId == null) {
            throw new InvalidInputException("assignee", "conversation.assigneeFilterInvalid");
        }
        String search = query.search() == null ? "" : query.search().strip();
        String nameLike = search.isEmpty() ? null : "%" + Customers.likeEscape(search) + "%";
        String digitsLike = search.isEmpty() ? null : Customers.digitsLike(search);
        var rows = conversations.list(actor.accountId(), filter, assigneeId, query.teamId(), query.status(), nameLike,
                digitsLike, query.customerId(), query.size() + 1, (query.page() - 1) * query.size());
        boolean hasNext = rows.size() > query.size();
        return new ConversationPage(hasNext ? rows.subList(0, query.size()) : rows, query.page(), query.size(),
                hasNext);
    }

    /** Whether the account has any conversation at all, open or closed. */
    public boolean any(Actor actor) {
        return conversations.any(actor.accountId());
    }

    /** What happened in these conversations from {@code from} to {@code to}, for each of them. */
    public Map<UUID, ConversationActivity> activity(Actor actor, Collection<UUID> conversationIds, Instant from,
            Instant to) {
        return timeline.activity(actor.accountId(), conversationIds, from, to);
    }

    /** The conversations a customer wrote in from {@code from} to {@code to} that {@code assigneeId} has now. */
    public List<UUID> writtenToBetween(Actor actor, UUID assigneeId, Instant from, Instant to) {
        return timeline.writtenToBetween(actor.accountId(), assigneeId, from, to);
    }

    /** How many open conversations a teammate of the caller's account has. */
    public int openAssignedTo(Actor actor, UUID userId) {
        return conversations.openCounts(actor.accountId(), userId).mine();
    }

    public InboxCounts counts(Actor actor) {
        return conversations.openCounts(actor.accountId(), actor.userId());
    }

    public Conversation get(Actor actor, UUID id) {
        return conversations.find(actor.accountId(), id).orElseThrow(NotFoundException::new);
    }

    /** The conversations with these ids, of the caller's account only; for lists such as away history. */
    public List<Conversation> byIds(Actor actor, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : conversations.byIds(actor.accountId(), ids);
    }

    public Conversation forCustomer(Actor actor, UUID customerId) {
        return conversations.findByCustomer(actor.accountId(), customerId).orElseThrow(NotFoundException::new);
    }

    public List<Message> messages(Actor actor, UUID id) {
        get(actor, id);
        return timeline.messages(actor.accountId(), id);
    }

    public List<TimelineEvent> events(Actor actor, UUID id) {
        get(actor, id);
        return timeline.events(actor.accountId(), id);
    }

    /** Messages and events in one stream, in the order they happened. */
    public List<TimelineItem> timeline(Actor actor, UUID id) {
        get(actor, id);
        var items = new ArrayList<TimelineItem>(timeline.messages(actor.accountId(), id));
        items.addAll(timeline.events(actor.accountId(), id));
        items.sort(Comparator.comparingLong(TimelineItem::seq));
        return items;
    }

    /** A reply to the customer (sent through the SMS channel once stored) or an internal note. */
    @Transactional
    public Message send(Actor actor, UUID conversationId, String body, MessageKind kind) {
        MessageKind messageKind = kind == null ? MessageKind.OUTBOUND : kind;
        if (messageKind == MessageKind.INBOUND) {
            throw new InvalidInputException("kind", "message.kindInvalid");
        }
        String text = body(body);
        var conversation = conversations.lock(actor.accountId(), conversationId).orElseThrow(NotFoundException::new);
        if (messageKind == MessageKind.OUTBOUND && conversation.customer().isUnsubscribed()) {
            throw new ConflictException("body", "message.customerUnsubscribed");
        }
        return append(conversation, messageKind, text, actor.userId(), clock.instant());
    }

    /** Gives the conversation to a teammate, or to nobody with a null id. */
    @Transactional
    public Conversation assign(Actor actor, UUID conversationId, UUID userId) {
        if (userId != null) {
            users.requireAssignable(actor, userId, "userId");
        }
        var conversation = conversations.lock(actor.accountId(), conversationId).orElseThrow(NotFoundException::new);
        if (!Objects.equals(conversation.assigneeId(), userId)) {
            changeAssignee(conversation, userId, actor.userId(), TimelineEvent.Reason.MANUAL, clock.instant());
        }
        return get(actor, conversationId);
    }

    /**
     * Puts the conversation in a team's queue: that team, and no assignee, at once. The timeline
     * says it as an assignment to nobody in that team.
     */
    @Transactional
    public Conversation queue(Actor actor, UUID conversationId, UUID teamId) {
        teams.require(actor, teamId, "teamId");
        var conversation = conversations.lock(actor.accountId(), conversationId).orElseThrow(NotFoundException::new);
        if (conversation.assigneeId() == null && teamId.equals(conversation.teamId())) {
            return conversation;
        }
        var now = clock.instant();
        conversations.setTeam(actor.accountId(), conversationId, teamId);
        conversations.setAssignee(actor.accountId(), conversationId, null);
        timeline.insertEvent(actor.accountId(), conversationId, TimelineEvent.Type.ASSIGNED, actor.userId(),
                conversation.assigneeId(), null, teamId, TimelineEvent.Reason.MANUAL, now);
        events.publishEvent(new ConversationTeamChanged(actor.accountId(), conversationId, actor.userId(), teamId));
        events.publishEvent(new ConversationAssigned(actor.accountId(), conversationId, actor.userId(),
                conversation.assigneeId(), null, TimelineEvent.Reason.MANUAL));
        return get(actor, conversationId);
    }

    /** Changes the conversation's team (null for none), and nothing else: its assignee stays. */
    @Transactional
    public Conversation changeTeam(Actor actor, UUID conversationId, UUID teamId) {
        if (teamId != null) {
            teams.require(actor, teamId, "teamId");
        }
        var conversation = conversations.lock(actor.accountId(), conversationId).orElseThrow(NotFoundException::new);
        if (!Objects.equals(conversation.teamId(), teamId)) {
            conversations.setTeam(actor.accountId(), conversationId, teamId);
            timeline.insertEvent(actor.accountId(), conversationId, TimelineEvent.Type.TEAM, actor.userId(), null,
                    null, teamId, TimelineEvent.Reason.MANUAL, clock.instant());
            events.publishEvent(new ConversationTeamChanged(actor.accountId(), conversationId, actor.userId(), teamId));
        }
        return get(actor, conversationId);
    }

    /**
     * The counts beside each of these teams' queues in the inbox: their open conversations that
     * nobody has.
     */
    public Map<UUID, Integer> queueCounts(Actor actor, Collection<UUID> teamIds) {
        return conversations.queueCounts(actor.accountId(), teamIds);
    }

    @Transactional
    public Conversation close(Actor actor, UUID conversationId) {
        var conversation = conversations.lock(actor.accountId(), conversationId).orElseThrow(NotFoundException::new);
        if (conversation.isOpen()) {
            changeStatus(conversation, ConversationStatus.CLOSED, actor.userId(), TimelineEvent.Reason.MANUAL,
                    clock.instant());
        }
        return get(actor, conversationId);
    }

    @Transactional
    public Conversation reopen(Actor actor, UUID conversationId) {
        var conversation = conversations.lock(actor.accountId(), conversationId).orElseThrow(NotFoundException::new);
        if (!conversation.isOpen()) {
            changeStatus(conversation, ConversationStatus.OPEN, actor.userId(), TimelineEvent.Reason.MANUAL,
                    clock.instant());
        }
        return get(actor, conversationId);
    }

    /**
     * Whether a teammate wrote to the customer of a conversation (a reply, not a note) at or
     * after an instant: the away rules keep a customer with an away teammate who engaged them.
     */
    public boolean hasRepliedSince(UUID accountId, UUID conversationId, UUID authorId, Instant since) {
        return timeline.hasRepliedSince(accountId, conversationId, authorId, since);
    }

    /**
     * Records the outcome of sending an outbound message through the SMS channel. A status that
     * would take the message back (a delivery report got there first) changes nothing but the
     * provider's id.
     *
     * @param providerSid the provider's id of the message, when it took it; null otherwise
     * @param error why it failed, for people; null unless it failed
     */
    @Transactional
    public void recordDelivery(UUID accountId, UUID messageId, DeliveryStatus status, String error, String errorCode,
            String providerSid) {
        var message = timeline.message(accountId, messageId).orElseThrow(NotFoundException::new);
        if (providerSid != null) {
            timeline.setProviderSid(accountId, messageId, providerSid);
        }
        record(accountId, message, status, error, errorCode);
    }

    /**
     * A delivery report from the provider, for the message it knows by that id; false if none.
     * Reports may arrive out of order: one that would take the message back changes nothing,
     * except that a failure reported after delivery is noted on the timeline.
     */
    @Transactional
    public boolean recordDeliveryReport(UUID accountId, String providerSid, DeliveryStatus status, String error,
            String errorCode) {
        var found = timeline.findByProviderSid(accountId, providerSid)
                .flatMap(ids -> timeline.message(accountId, ids[0]));
        found.ifPresent(message -> record(accountId, message, status, error, errorCode));
        return found.isPresent();
    }

    private void record(UUID accountId, Message message, DeliveryStatus status, String error, String errorCode) {
        if (status.follows(message.deliveryStatus())) {
            timeline.updateDelivery(accountId, message.id(), status, error, errorCode);
            events.publishEvent(new MessageDeliveryChanged(accountId, message.conversationId(), message.id(), status));
        }
        else if (message.deliveryStatus() == DeliveryStatus.DELIVERED && status.isFailure()) {
            // Delivered stays delivered; what the carrier said afterwards goes on the timeline.
            timeline.insertLateFailure(accountId, message.conversationId(), message.id(), errorCode, clock.instant());
            events.publishEvent(new MessageDeliveryChanged(accountId, message.conversationId(), message.id(),
                    DeliveryStatus.DELIVERED));
        }
    }

    /** Sends a message that failed again, as it was written. */
    @Transactional
    public Message retry(Actor actor, UUID conversationId, UUID messageId) {
        var conversation = conversations.lock(actor.accountId(), conversationId).orElseThrow(NotFoundException::new);
        var message = timeline.message(actor.accountId(), messageId)
                .filter(m -> m.conversationId().equals(conversationId))
                .orElseThrow(NotFoundException::new);
        if (message.kind() != MessageKind.OUTBOUND || !message.canBeRetried()) {
            throw new ConflictException("message", "message.notRetriable");
        }
        if (conversation.customer().isUnsubscribed()) {
            throw new ConflictException("body", "message.customerUnsubscribed");
        }
        timeline.updateDelivery(actor.accountId(), messageId, DeliveryStatus.QUEUED, null, null);
        events.publishEvent(new MessageDeliveryChanged(actor.accountId(), conversationId, messageId,
                DeliveryStatus.QUEUED));
        events.publishEvent(new OutboundQueued(actor.accountId(), conversationId, messageId));
        return timeline.message(actor.accountId(), messageId).orElseThrow();
    }

    /** An outbound message, for the channel that sends it. */
    public Message message(UUID accountId, UUID messageId) {
        return timeline.message(accountId, messageId).orElseThrow(NotFoundException::new);
    }

    /** The conversation behind a message, for the channel that sends it. */
    public Conversation conversation(UUID accountId, UUID conversationId) {
        return conversations.find(accountId, conversationId).orElseThrow(NotFoundException::new);
    }

    /**
     * Locks the open conversations a user has, for a handover (R19). Taken before the away
     * user's own lock, in the order every routing step takes them, so the two never wait on
     * each other in a circle.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Conversation> lockOpenAssignedTo(UUID accountId, UUID userId) {
        return conversations.lockOpenAssignedTo(accountId, userId);
    }

    /**
     * Hands a conversation locked by {@link #lockOpenAssignedTo} from its away assignee to their
     * delegate, or to a team's queue when {@code toUserId} is null (R19), with a timeline event.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void handOver(Conversation locked, UUID toUserId, UUID toTeamId) {
        var now = clock.instant();
        if (toUserId != null) {
            changeAssignee(locked, toUserId, null, TimelineEvent.Reason.HANDED_OVER, now);
        }
        else {
            queueByRule(locked, toTeamId, TimelineEvent.Reason.HANDED_OVER, now);
        }
    }

    /** What became of a conversation an away period moved, at the period's end (R20). */
    public enum GiveBack {
        GIVEN_BACK, MOVED_BY_HAND, CLOSED
    }

    /**
     * Gives a conversation back to {@code toUserId} if it is still open and still where the away
     * rules put it ({@code placedWith}, or the queue of {@code placedInTeam} when that is null),
     * restoring its team as it was ({@code teamBefore}). One that someone moved by hand since
     * {@code placedAt} stays, even if they put it back in the same place: it is theirs now, not the rules'.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public GiveBack giveBack(UUID accountId, UUID conversationId, UUID placedWith, UUID placedInTeam,
            Instant placedAt, UUID toUserId, UUID teamBefore) {
        var conversation = conversations.lock(accountId, conversationId).orElse(null);
        if (conversation == null) {
            return GiveBack.MOVED_BY_HAND;
        }
        if (!conversation.isOpen()) {
            return GiveBack.CLOSED;
        }
        boolean stillThere = placedWith != null ? placedWith.equals(conversation.assigneeId())
                : conversation.assigneeId() == null && Objects.equals(placedInTeam, conversation.teamId());
        if (!stillThere || timeline.hasEventSince(accountId, conversationId, TimelineEvent.Type.ASSIGNED,
                TimelineEvent.Reason.MANUAL, placedAt)) {
            return GiveBack.MOVED_BY_HAND;
        }
        var now = clock.instant();
        if (placedWith == null && !Objects.equals(teamBefore, conversation.teamId())) {
            conversations.setTeam(accountId, conversationId, teamBefore);
            events.publishEvent(new ConversationTeamChanged(accountId, conversationId, null, teamBefore));
        }
        changeAssignee(conversation, toUserId, null, TimelineEvent.Reason.HANDED_BACK, now);
        return GiveBack.GIVEN_BACK;
    }

    /** Stores a message in a locked conversation; any new message reopens a closed conversation. */
    Message append(Conversation conversation, MessageKind kind, String body, UUID authorId, Instant at) {
        if (!conversation.isOpen()) {
            changeStatus(conversation, ConversationStatus.OPEN, null, TimelineEvent.Reason.NEW_MESSAGE, at);
        }
        var message = timeline.insertMessage(conversation.accountId(), conversation.id(), kind, body, authorId,
                kind == MessageKind.OUTBOUND ? DeliveryStatus.QUEUED : null, at);
        conversations.recordActivity(conversation.accountId(), conversation.id(), at, preview(body), kind, authorId);
        events.publishEvent(new MessageRecorded(conversation.accountId(), conversation.id(), message.id(), kind,
                authorId));
        if (kind == MessageKind.OUTBOUND) {
            events.publishEvent(new OutboundQueued(conversation.accountId(), conversation.id(), message.id()));
        }
        return message;
    }

    /** Moves a locked conversation to another assignee, on the timeline and to listeners. */
    void changeAssignee(Conversation conversation, UUID toUserId, UUID actorId, TimelineEvent.Reason reason,
            Instant at) {
        conversations.setAssignee(conversation.accountId(), conversation.id(), toUserId);
        timeline.insertEvent(conversation.accountId(), conversation.id(), TimelineEvent.Type.ASSIGNED, actorId,
                conversation.assigneeId(), toUserId, reason, at);
        events.publishEvent(new ConversationAssigned(conversation.accountId(), conversation.id(), actorId,
                conversation.assigneeId(), toUserId, reason));
    }

    /**
     * Moves a locked conversation from its away assignee to a team's queue, or to nobody when
     * {@code teamId} is null, by a rule (R18); on the timeline and to listeners.
     */
    void queueByRule(Conversation conversation, UUID teamId, TimelineEvent.Reason reason, Instant at) {
        if (teamId != null && !teamId.equals(conversation.teamId())) {
            conversations.setTeam(conversation.accountId(), conversation.id(), teamId);
            events.publishEvent(new ConversationTeamChanged(conversation.accountId(), conversation.id(), null, teamId));
        }
        conversations.setAssignee(conversation.accountId(), conversation.id(), null);
        timeline.insertEvent(conversation.accountId(), conversation.id(), TimelineEvent.Type.ASSIGNED, null,
                conversation.assigneeId(), null, teamId, reason, at);
        events.publishEvent(new ConversationAssigned(conversation.accountId(), conversation.id(), null,
                conversation.assigneeId(), null, reason));
        events.publishEvent(new ConversationQueued(conversation.accountId(), conversation.id(),
                conversation.assigneeId(), conversation.teamId(), teamId, reason));
    }

    /** Says on the timeline why a text left the conversation with its away assignee, once per away period. */
    void recordKept(Conversation conversation, InboundRouting.Kept kept, Instant at) {
        if (!timeline.hasEventSince(conversation.accountId(), conversation.id(), TimelineEvent.Type.KEPT,
                kept.reason(), kept.awaySince())) {
            timeline.insertEvent(conversation.accountId(), conversation.id(), TimelineEvent.Type.KEPT, null,
                    conversation.assigneeId(), kept.delegateId(), kept.reason(), at);
        }
    }

    private void changeStatus(Conversation conversation, ConversationStatus status, UUID actorId,
            TimelineEvent.Reason reason, Instant at) {
        conversations.setStatus(conversation.accountId(), conversation.id(), status);
        timeline.insertEvent(conversation.accountId(), conversation.id(),
                status == ConversationStatus.OPEN ? TimelineEvent.Type.REOPENED : TimelineEvent.Type.CLOSED, actorId,
                null, null, reason, at);
        events.publishEvent(new ConversationStatusChanged(conversation.accountId(), conversation.id(), status,
                actorId));
    }

    private static String body(String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("body", "message.bodyRequired");
        }
        if (text.length() > MAX_BODY) {
            throw new InvalidInputException("body", "message.bodyTooLong", MAX_BODY);
        }
        return text;
    }

    private static String preview(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= PREVIEW_LENGTH ? oneLine : oneLine.substring(0, PREVIEW_LENGTH - 1) + "…";
    }
}
