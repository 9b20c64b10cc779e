package com.switchboard.conversations.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.switchboard.accounts.Actor;
import com.switchboard.conversations.AssigneeFilter;
import com.switchboard.conversations.Conversation;
import com.switchboard.conversations.ConversationQuery;
import com.switchboard.conversations.ConversationStatus;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.DeliveryStatus;
import com.switchboard.conversations.Message;
import com.switchboard.conversations.MessageKind;
import com.switchboard.conversations.TimelineEvent;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.Refuses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1/conversations")
@Tag(name = "Conversations")
class ConversationApiController {

    private final Conversations conversations;
    private final MessageSource messages;

    ConversationApiController(Conversations conversations, MessageSource messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    // Named: two records called CustomerJson made one schema, and typed clients read the wrong one.
    @Schema(name = "ConversationCustomer", description = "The customer of a conversation, as a conversation shows it")
    record CustomerJson(UUID id, @Schema(example = "Émilie Tremblay") @Nullable String name,
            @Schema(example = "+15145550123") String phone,
            @Schema(description = "When the customer texted STOP; no text can be sent to them") @Nullable
            Instant unsubscribedAt) {
    }

    @Schema(name = "Conversation")
    record ConversationJson(UUID id, ConversationStatus status,
            @Schema(description = "Who owns it; null when no one does") @Nullable UUID assigneeId,
            CustomerJson customer, Instant lastActivityAt,
            @Schema(example = "Is my car ready?") @Nullable String lastMessagePreview, Instant createdAt,
            @Schema(description = "Its team, or null; with no assignee it waits in that team's queue") @Nullable
            UUID teamId) {

        static ConversationJson of(Conversation c) {
            return new ConversationJson(c.id(), c.status(), c.assigneeId(),
                    new CustomerJson(c.customer().id(), c.customer().name(), c.customer().phone(),
                            c.customer().unsubscribedAt()),
                    c.lastActivityAt(), c.lastMessagePreview(), c.createdAt(), c.teamId());
        }
    }

    @Schema(name = "Message")
    record MessageJson(UUID id, UUID conversationId, MessageKind kind,
            @Schema(example = "Your car is ready; we close at 6.") String body,
            @Schema(description = "The teammate who wrote it; null for a customer's text") @Nullable UUID authorId,
            @Schema(description = "Replies only: where it is on its way to the customer's phone. It only moves "
                    + "forward: QUEUED, ACCEPTED, SENT, then DELIVERED, FAILED or UNDELIVERED.") @Nullable
            DeliveryStatus deliveryStatus,
            @Schema(description = "Why it was not delivered, in the caller's language", example = "The customer's "
                    + "phone is unreachable (off or out of coverage).") @Nullable String deliveryError,
            @Schema(description = "The code of that failure: the SMS provider's (Twilio's ErrorCode) or "
                    + "Switchboard's own: no-channel, no-from-number, provider-unreachable", example = "30003")
            @Nullable String deliveryErrorCode,
            Instant createdAt) {

        static MessageJson of(Message m, MessageSource messages) {
            var problem = m.deliveryProblem();
            return new MessageJson(m.id(), m.conversationId(), m.kind(), m.body(), m.authorId(), m.deliveryStatus(),
                    problem == null ? null : messages.getMessage(problem, LocaleContextHolder.getLocale()),
                    m.deliveryErrorCode(), m.createdAt());
        }
    }

    @Schema(name = "TimelineEvent", description = "A line of the conversation's timeline. LATE_FAILURE: the carrier "
            + "reported a reply (messageId) failed after it was delivered; the reply stays DELIVERED. TEAM: the "
            + "conversation changed team.")
    record EventJson(UUID id, UUID conversationId, TimelineEvent.Type type,
            @Schema(description = "The teammate who did it; null when Switchboard did") @Nullable UUID actorId,
            @Nullable UUID fromUserId, @Nullable UUID toUserId, TimelineEvent.Reason reason,
            @Schema(description = "LATE_FAILURE: the reply it concerns") @Nullable UUID messageId,
            @Schema(description = "LATE_FAILURE: the carrier's error code", example = "30003") @Nullable
            String errorCode,
            @Schema(description = "ASSIGNED to nobody: the team whose queue it went to; TEAM: the new team (null "
                    + "for none)") @Nullable UUID teamId,
            Instant createdAt) {

        static EventJson of(TimelineEvent e) {
            return new EventJson(e.id(), e.conversationId(), e.type(), e.actorId(), e.fromUserId(), e.toUserId(),
                    e.reason(), e.messageId(), e.errorCode(), e.teamId(), e.createdAt());
        }
    }

    record SendRequest(@Schema(example = "Your car is ready; we close at 6.") String body,
            @Schema(description = "OUTBOUND (the default) or NOTE", allowableValues = { "OUTBOUND", "NOTE" })
            @Nullable String kind) {
    }

    record AssigneeRequest(@Schema(description = "The teammate, or null for nobody") @Nullable UUID userId,
            @Schema(description = "With no userId: the team whose queue it goes to (its team is set too)")
            @Nullable UUID teamId) {
    }

    record TeamRequest(@Schema(description = "The team, or null for none") @Nullable UUID teamId) {
    }

    @Operation(operationId = "listConversations",
            summary = "Conversations, newest activity first; a Link header points to the next page")
    @GetMapping
    ResponseEntity<List<ConversationJson>> list(Actor actor,
            @Parameter(description = "me, unassigned, all, or a user id; absent for all")
            @RequestParam(required = false) String assignee,
            @Parameter(description = "open or closed; absent for both",
                    schema = @Schema(allowableValues = { "open", "closed" }))
            @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID customerId,
            @Parameter(description = "only that team's conversations; with assignee=unassigned, its queue")
            @RequestParam(required = false) UUID teamId,
            @Parameter(description = "part of the customer's name or phone number")
            @RequestParam(required = false) String query,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "10000",
                    defaultValue = "1")) @RequestParam(defaultValue = "1") int page,
            @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100",
                    defaultValue = "25")) @RequestParam(defaultValue = "25") int size,
            HttpServletRequest request) {
        ConversationQuery.checkPaging(page, size);
        var whose = AssigneeFilter.parse(assignee);
        var result = conversations.list(actor, (whose == null ? AssigneeFilter.EVERYONE : whose)
                .query(ConversationStatus.parse(status), query, customerId, page, size).inTeam(teamId));
        var response = ResponseEntity.ok();
        if (result.hasNext()) {
            response.header(HttpHeaders.LINK, "<" + nextPage(request, result.page() + 1) + ">; rel=\"next\"");
        }
        return response.body(result.items().stream().map(ConversationJson::of).toList());
    }

    @Operation(operationId = "getConversation", summary = "A conversation")
    @GetMapping("/{id}")
    ConversationJson get(Actor actor, @PathVariable UUID id) {
        return ConversationJson.of(conversations.get(actor, id));
    }

    @Operation(operationId = "listMessages", summary = "The conversation's messages and notes, oldest first")
    @GetMapping("/{id}/messages")
    List<MessageJson> messages(Actor actor, @PathVariable UUID id) {
        return conversations.messages(actor, id).stream().map(m -> MessageJson.of(m, messages)).toList();
    }

    @Operation(operationId = "listConversationEvents",
            summary = "The conversation's timeline events: assignments, closing, reopening, late failures")
    @GetMapping("/{id}/events")
    List<EventJson> events(Actor actor, @PathVariable UUID id) {
        return conversations.events(actor, id).stream().map(EventJson::of).toList();
    }

    @Operation(operationId = "sendMessage",
            summary = "Send a reply to the customer (OUTBOUND, the default) or add an internal NOTE")
    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessageJson send(Actor actor, @PathVariable UUID id, @RequestBody SendRequest request) {
        return MessageJson.of(conversations.send(actor, id, request.body(), kind(request.kind())), messages);
    }

    @Operation(operationId = "retryMessage",
            summary = "Send again a reply that the SMS provider refused or could not deliver")
    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/{id}/messages/{messageId}/retry")
    MessageJson retry(Actor actor, @PathVariable UUID id, @PathVariable UUID messageId) {
        return MessageJson.of(conversations.retry(actor, id, messageId), messages);
    }

    @Operation(operationId = "assignConversation",
            summary = "Assign the conversation to a teammate, to nobody with a null userId, or to a team's queue "
                    + "with a null userId and a teamId")
    @PutMapping("/{id}/assignee")
    ConversationJson assign(Actor actor, @PathVariable UUID id, @RequestBody AssigneeRequest request) {
        if (request.userId() == null && request.teamId() != null) {
            return ConversationJson.of(conversations.queue(actor, id, request.teamId()));
        }
        return ConversationJson.of(conversations.assign(actor, id, request.userId()));
    }

    @Operation(operationId = "setConversationTeam", summary = "Change the conversation's team (null for none); "
            + "its assignee stays")
    @PutMapping("/{id}/team")
    ConversationJson changeTeam(Actor actor, @PathVariable UUID id, @RequestBody TeamRequest request) {
        return ConversationJson.of(conversations.changeTeam(actor, id, request.teamId()));
    }

    @Operation(operationId = "closeConversation", summary = "Close the conversation")
    @PostMapping("/{id}/close")
    ConversationJson close(Actor actor, @PathVariable UUID id) {
        return ConversationJson.of(conversations.close(actor, id));
    }

    @Operation(operationId = "reopenConversation", summary = "Reopen the conversation")
    @PostMapping("/{id}/reopen")
    ConversationJson reopen(Actor actor, @PathVariable UUID id) {
        return ConversationJson.of(conversations.reopen(actor, id));
    }

    private static MessageKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return MessageKind.OUTBOUND;
        }
        try {
            return MessageKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "message.kindInvalid");
        }
    }

    /**
     * The same request for another page. Built from the decoded parameters and encoded once: the
     * request's own query is already encoded, and encoding it again turned "514%20555" into
     * "514%2520555".
     */
    private static String nextPage(HttpServletRequest request, int page) {
        var next = ServletUriComponentsBuilder.fromCurrentRequestUri();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page")) {
                next.queryParam(name, (Object[]) values);
            }
        });
        return next.queryParam("page", page).encode().build().toUriString();
    }
}
