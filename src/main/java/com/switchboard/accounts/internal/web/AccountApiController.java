package com.switchboard.accounts.internal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.Actor;
import com.switchboard.accounts.AwayFallback;
import com.switchboard.accounts.internal.web.ApiJson.AccountJson;
import com.switchboard.accounts.internal.web.ApiJson.PatchAccountRequest;
import com.switchboard.system.Refuses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's account: its company settings, as the Company page shows them. */
@RestController
@RequestMapping("/api/v1/account")
@Tag(name = "Account")
class AccountApiController {

    private final Accounts accounts;

    AccountApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(operationId = "getAccount", summary = "Your account")
    @GetMapping
    AccountJson get(Actor actor) {
        return AccountJson.of(accounts.get(actor));
    }

    @Operation(operationId = "updateAccount", summary = "Change the company settings (admins): name, time zone, "
            + "and what happens when an away user's delegate is away too")
    @Refuses(HttpStatus.FORBIDDEN)
    @PatchMapping
    AccountJson update(Actor actor, @RequestBody PatchAccountRequest request) {
        return AccountJson.of(accounts.update(actor, request.name(), request.timeZone(),
                AwayFallback.parse(request.awayFallback(), "awayFallback")));
    }
}
