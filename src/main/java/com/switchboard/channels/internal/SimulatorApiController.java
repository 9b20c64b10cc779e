package com.switchboard.channels.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Actor;
import com.switchboard.channels.Simulator;
import com.switchboard.system.Refuses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Customer phone simulator")
class SimulatorApiController {

    private final Simulator simulator;

    SimulatorApiController(Simulator simulator) {
        this.simulator = simulator;
    }

    record InboundRequest(@Schema(description = "The customer's phone number", example = "514 555 0123") String from,
            @Schema(example = "Hi, is my car ready?") String body) {
    }

    record InboundResponse(UUID messageId, UUID conversationId, UUID customerId,
            @Schema(description = "Who has the conversation now; null when no one does") @Nullable UUID assigneeId) {
    }

    @Operation(operationId = "simulateInboundText", summary = "A text from a customer's phone to your account (where the simulator channel is on)")
    // Not found where the simulator is off: there is nothing to text.
    @Refuses(HttpStatus.NOT_FOUND)
    @PostMapping("/api/v1/simulator/inbound")
    @ResponseStatus(HttpStatus.CREATED)
    InboundResponse inbound(Actor actor, @RequestBody InboundRequest request) {
        var received = simulator.textFromCustomer(actor, request.from(), request.body());
        return new InboundResponse(received.message().id(), received.conversationId(), received.customerId(),
                received.assigneeId());
    }
}
