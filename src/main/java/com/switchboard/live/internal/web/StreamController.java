package com.switchboard.live.internal.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.switchboard.accounts.SignedIn;
import com.switchboard.accounts.User;
import com.switchboard.live.internal.LiveStreams;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.UnauthorizedException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET /api/v1/stream}: the caller's account's live events, as Server-Sent Events. */
@RestController
@Tag(name = "Live events")
class StreamController {

    private final LiveStreams streams;

    StreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @Operation(operationId = "openStream", summary = "Live events of your account (Server-Sent Events)",
            responses = @ApiResponse(responseCode = "200", description = "An endless text/event-stream; read it "
                    + "with an SSE client (it never ends by itself within 30 minutes)",
                    content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @Schema(type = "string", example = """
                                    id: 4182
                                    event: away
                                    data: {"userId":"6c0f…","away":true,"delegateId":"a41e…","returnOn":"2026-12-14",\
                                    "returnAt":"2026-12-14T05:00:00Z","people":[…]}
                                    """))),
            description = """
            Event names and their data (JSON): \
            away {userId, away, delegateId, delegateTeamId, returnOn, returnAt, people: [{userId, html}]}; \
            conversation.assigned {conversationId, fromUserId, toUserId, reason}; \
            message.created {conversationId, messageId, kind, authorId}; \
            message.delivery {conversationId, messageId, status}; \
            conversation.status {conversationId, status}; \
            conversation.team {conversationId, teamId} (it changed team, or went into a team's queue); \
            teams {teamId} (a team was created, renamed or deleted, or its members changed); \
            notification {notificationId} (yours only); \
            refresh {} (the log cannot serve your position: reload what you show). Each event has an id; \
            reconnect with Last-Event-ID (or ?since=) to receive everything you missed within 15 minutes. \
            Comment lines are heartbeats; the server ends a stream after 30 minutes and you reconnect.""")
    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(User me, HttpServletRequest request, HttpServletResponse response,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            @Parameter(description = "The last event id you have, when you cannot send Last-Event-ID")
            @RequestParam(name = "since", required = false) String since) {
        var access = SignedIn.access(request).orElseThrow(() -> new UnauthorizedException("error.unauthorized.detail"));
        // Proxies such as nginx would otherwise hold events back to fill their buffers.
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-store");
        String last = lastEventId != null && !lastEventId.isBlank() ? lastEventId : since;
        return streams.open(me, access, last == null ? null : parse(last));
    }

    private static long parse(String eventId) {
        try {
            long id = Long.parseLong(eventId.strip());
            if (id >= 0) {
                return id;
            }
        }
        catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidInputException("lastEventId", "live.badLastEventId");
    }
}
