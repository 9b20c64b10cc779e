package com.switchboard.customers.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Actor;
import com.switchboard.customers.Customer;
import com.switchboard.customers.Customers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomerApiController {

    private static final int SEARCH_LIMIT = 100;

    private final Customers customers;

    CustomerApiController(Customers customers) {
        this.customers = customers;
    }

    record CreateCustomerRequest(String name, String phone, UUID assigneeId) {
    }

    /** {@code unsubscribedAt}: when the customer texted STOP (no text may be sent to them), or null. */
    // Named: two records called CustomerJson made one schema, and typed clients read the wrong one.
    @Schema(name = "Customer", description = "A customer of the account")
    record CustomerJson(UUID id, String name, String phone, Instant createdAt, Instant unsubscribedAt) {
        static CustomerJson of(Customer customer) {
            return new CustomerJson(customer.id(), customer.name(), customer.phone(), customer.createdAt(),
                    customer.unsubscribedAt());
        }
    }

    @Operation(summary = "Add a customer; the phone number is stored in E.164")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CustomerJson create(Actor actor, @RequestBody CreateCustomerRequest request) {
        return CustomerJson.of(customers.create(actor, request.name(), request.phone(), request.assigneeId()));
    }

    @Operation(summary = "Customers whose name or phone number contains the query (at most 100)")
    @GetMapping
    List<CustomerJson> search(Actor actor, @RequestParam(required = false) String query) {
        return customers.search(actor, query, SEARCH_LIMIT).stream().map(CustomerJson::of).toList();
    }

    @GetMapping("/{id}")
    CustomerJson get(Actor actor, @PathVariable UUID id) {
        return CustomerJson.of(customers.get(actor, id));
    }
}
