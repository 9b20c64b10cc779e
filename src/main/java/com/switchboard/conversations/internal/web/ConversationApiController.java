package com.switchboard.conversations.internal.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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
import com.switchboard.conversations.Message;
import com.switchboard.conversations.MessageKind;
import com.switchboard.conversations.TimelineEvent;
import com.switchboard.system.InvalidInputException;

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

    ConversationApiController(Conversations conversations) {
        this.conversations = conversations;
    }

    // Named: two records called CustomerJson made one schema, and typed clients read the wrong one.
    @Schema(name = "ConversationCustomer", description = "The customer of a conversation, as a conversation shows it")
    record CustomerJson(UUID id, String name, String phone, Instant unsubscribedAt) {
    }

    record ConversationJson(UUID id, String status, UUID assigneeId, CustomerJson customer, Instant lastActivityAt,
            String lastMessagePreview, Instant createdAt) {

        static ConversationJson of(Conversation c) {
            return new ConversationJson(c.id(), c.status().name(), c.assigneeId(),
                    new CustomerJson(c.customer().id(), c.customer().name(), c.customer().phone(),
                            c.customer().unsubscribedAt()),
                    c.lastActivityAt(), c.lastMessagePreview(), c.createdAt());
        }
    }

    record MessageJson(UUID id, UUID conversationId, String kind, String body, UUID authorId, String deliveryStatus,
            String deliveryError, Instant createdAt) {

        static MessageJson of(Message m) {
            return new MessageJson(m.id(), m.conversationId(), m.kind().name(), m.body(), m.authorId(),
                    m.deliveryStatus() == null ? null : m.deliveryStatus().name(), m.deliveryError(), m.createdAt());
        }
    }

    record EventJson(UUID id, UUID conversationId, String type, UUID actorId, UUID fromUserId, UUID toUserId,
            String reason, Instant createdAt) {

        static EventJson of(TimelineEvent e) {
            return new EventJson(e.id(), e.conversationId(), e.type().name(), e.actorId(), e.fromUserId(),
                    e.toUserId(), e.reason().name(), e.createdAt());
        }
    }

    record SendRequest(String body, String kind) {
    }

    record AssigneeRequest(UUID userId) {
    }

    @Operation(summary = "Conversations, newest activity first; a Link header points to the next page")
    @GetMapping
    ResponseEntity<List<ConversationJson>> list(Actor actor,
            @Parameter(description = "me, unassigned, all, or a user id; absent for all")
            @RequestParam(required = false) String assignee,
            @Parameter(description = "open or closed; absent for both") @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID customerId,
            @Parameter(description = "part of the customer's name or phone number")
            @RequestParam(required = false) String query,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "25") int size, HttpServletRequest request) {
        ConversationQuery.checkPaging(page, size);
        var whose = AssigneeFilter.parse(assignee);
        var result = conversations.list(actor, (whose == null ? AssigneeFilter.EVERYONE : whose)
                .query(ConversationStatus.parse(status), query, customerId, page, size));
        var response = ResponseEntity.ok();
        if (result.hasNext()) {
            response.header(HttpHeaders.LINK, "<" + nextPage(request, result.page() + 1) + ">; rel=\"next\"");
        }
        return response.body(result.items().stream().map(ConversationJson::of).toList());
    }

    @GetMapping("/{id}")
    ConversationJson get(Actor actor, @PathVariable UUID id) {
        return ConversationJson.of(conversations.get(actor, id));
    }

    @GetMapping("/{id}/messages")
    List<MessageJson> messages(Actor actor, @PathVariable UUID id) {
        return conversations.messages(actor, id).stream().map(MessageJson::of).toList();
    }

    @Operation(summary = "The conversation's timeline events: assignments, closing, reopening")
    @GetMapping("/{id}/events")
    List<EventJson> events(Actor actor, @PathVariable UUID id) {
        return conversations.events(actor, id).stream().map(EventJson::of).toList();
    }

    @Operation(summary = "Send a reply to the customer (OUTBOUND, the default) or add an internal NOTE")
    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    MessageJson send(Actor actor, @PathVariable UUID id, @RequestBody SendRequest request) {
        return MessageJson.of(conversations.send(actor, id, request.body(), kind(request.kind())));
    }

    @Operation(summary = "Send again a reply that the SMS provider refused or could not deliver")
    @PostMapping("/{id}/messages/{messageId}/retry")
    MessageJson retry(Actor actor, @PathVariable UUID id, @PathVariable UUID messageId) {
        return MessageJson.of(conversations.retry(actor, id, messageId));
    }

    @Operation(summary = "Assign the conversation to a teammate, or to nobody with a null userId")
    @PutMapping("/{id}/assignee")
    ConversationJson assign(Actor actor, @PathVariable UUID id, @RequestBody AssigneeRequest request) {
        return ConversationJson.of(conversations.assign(actor, id, request.userId()));
    }

    @PostMapping("/{id}/close")
    ConversationJson close(Actor actor, @PathVariable UUID id) {
        return ConversationJson.of(conversations.close(actor, id));
    }

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
