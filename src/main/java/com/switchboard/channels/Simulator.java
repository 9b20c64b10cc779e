package com.switchboard.channels;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.switchboard.accounts.Actor;
import com.switchboard.conversations.Conversations;
import com.switchboard.conversations.InboundMessages;
import com.switchboard.conversations.Message;
import com.switchboard.conversations.MessageKind;
import com.switchboard.customers.Customer;
import com.switchboard.customers.Customers;
import com.switchboard.system.Deployment;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;

/**
 * The customer phone simulator: someone of the account plays a customer and texts the account,
 * so the whole product can be tried with no SMS provider. Off unless the deployment turns it on.
 */
@Service
public class Simulator {

    private final Deployment deployment;
    private final Customers customers;
    private final Conversations conversations;
    private final InboundMessages inbound;
    private final StartTeams startTeams;

    Simulator(Deployment deployment, Customers customers, Conversations conversations, InboundMessages inbound,
            StartTeams startTeams) {
        this.deployment = deployment;
        this.customers = customers;
        this.conversations = conversations;
        this.inbound = inbound;
        this.startTeams = startTeams;
    }

    public boolean enabled() {
        return deployment.simulatorEnabled();
    }

    /** A text from the customer at {@code from} (as typed) to the caller's account. */
    public InboundMessages.Received textFromCustomer(Actor actor, String from, String body) {
        requireEnabled();
        var checks = new InvalidInputException.Checks();
        String e164 = null;
        try {
            e164 = customers.parsePhone(actor, from, "from");
        }
        catch (InvalidInputException e) {
            e.problems().forEach(p -> checks.reject(p.field(), p.messageKey(), p.args()));
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            checks.reject("body", "message.bodyRequired");
        }
        else if (text.length() > Conversations.MAX_BODY) {
            checks.reject("body", "message.bodyTooLong", Conversations.MAX_BODY);
        }
        checks.throwIfAny();
        return inbound.receive(actor.accountId(), e164, text, null, startTeams.forSimulator(actor.accountId()))
                .orElseThrow();
    }

    /** What the customer's phone shows: the texts both ways, never the team's notes. */
    public List<Message> phoneThread(Actor actor, Customer customer) {
        requireEnabled();
        var conversation = conversations.forCustomer(actor, customer.id());
        return conversations.messages(actor, conversation.id()).stream()
                .filter(m -> m.kind() != MessageKind.NOTE)
                .toList();
    }

    /** The customer behind a number typed on the simulator page, if the account knows them. */
    public Optional<Customer> customer(Actor actor, String phone) {
        requireEnabled();
        try {
            return customers.byPhone(actor, customers.parsePhone(actor, phone, "phone"));
        }
        catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    /** Recent customers, to pick whom to play. */
    public List<Customer> recentCustomers(Actor actor) {
        requireEnabled();
        return customers.search(actor, "", 12);
    }

    private void requireEnabled() {
        if (!deployment.simulatorEnabled()) {
            throw new NotFoundException();
        }
    }
}
