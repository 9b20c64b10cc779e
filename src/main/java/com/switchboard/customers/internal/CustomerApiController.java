package com.switchboard.customers.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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
import com.switchboard.system.Refuses;

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

    record CreateCustomerRequest(@Schema(example = "Émilie Tremblay") String name,
            @Schema(description = "In any usual form; stored in E.164", example = "514 555 0123") String phone,
            @Schema(description = "Who owns the new customer's conversations; none when left out") @Nullable
            UUID assigneeId) {
    }

    /** {@code unsubscribedAt}: when the customer texted STOP (no text may be sent to them), or null. */
    // Named: two records called CustomerJson made one schema, and typed clients read the wrong one.
    @Schema(name = "Customer", description = "A customer of the account")
    record CustomerJson(UUID id, @Schema(example = "Émilie Tremblay") @Nullable String name,
            @Schema(example = "+15145550123") String phone, Instant createdAt,
            @Schema(description = "When the customer texted STOP; no text can be sent to them") @Nullable
            Instant unsubscribedAt) {
        static CustomerJson of(Customer customer) {
            return new CustomerJson(customer.id(), customer.name(), customer.phone(), customer.createdAt(),
                    customer.unsubscribedAt());
        }
    }

    @Operation(operationId = "createCustomer", summary = "Add a customer; the phone number is stored in E.164")
    @Refuses(HttpStatus.CONFLICT)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CustomerJson create(Actor actor, @RequestBody CreateCustomerRequest request) {
        return CustomerJson.of(customers.create(actor, request.name(), request.phone(), request.assigneeId()));
    }

    @Operation(operationId = "searchCustomers",
            summary = "Customers whose name or phone number contains the query (at most 100)")
    @GetMapping
    List<CustomerJson> search(Actor actor, @RequestParam(required = false) String query) {
        return customers.search(actor, query, SEARCH_LIMIT).stream().map(CustomerJson::of).toList();
    }

    @Operation(operationId = "getCustomer", summary = "A customer")
    @GetMapping("/{id}")
    CustomerJson get(Actor actor, @PathVariable UUID id) {
        return CustomerJson.of(customers.get(actor, id));
    }
}
