package com.switchboard.channels.internal;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Actor;
import com.switchboard.channels.Simulator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Customer phone simulator")
class SimulatorApiController {

    private final Simulator simulator;

    SimulatorApiController(Simulator simulator) {
        this.simulator = simulator;
    }

    record InboundRequest(String from, String body) {
    }

    record InboundResponse(UUID messageId, UUID conversationId, UUID customerId, UUID assigneeId) {
    }

    @Operation(summary = "A text from a customer's phone to your account (where the simulator channel is on)")
    @PostMapping("/api/v1/simulator/inbound")
    @ResponseStatus(HttpStatus.CREATED)
    InboundResponse inbound(Actor actor, @RequestBody InboundRequest request) {
        var received = simulator.textFromCustomer(actor, request.from(), request.body());
        return new InboundResponse(received.message().id(), received.conversationId(), received.customerId(),
                received.assigneeId());
    }
}
