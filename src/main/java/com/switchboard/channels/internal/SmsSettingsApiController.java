package com.switchboard.channels.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/account/sms}: the account's SMS provider, for admins. The auth token is write-only. */
@RestController
@Tag(name = "SMS channel")
class SmsSettingsApiController {

    private final SmsSettings settings;

    SmsSettingsApiController(SmsSettings settings) {
        this.settings = settings;
    }

    record SmsJson(SmsProvider provider, String accountSid, boolean authTokenSet, List<String> phoneNumbers) {

        static SmsJson of(SmsSettings.View view) {
            return new SmsJson(view.provider(), view.accountSid(), view.authTokenSet(), view.phoneNumbers());
        }
    }

    record SmsRequest(String provider, String accountSid, String authToken, List<String> phoneNumbers) {

        // Never echoed anywhere, logs included.
        @Override
        public String toString() {
            return "SmsRequest[provider=" + provider + ", accountSid=" + accountSid + "]";
        }
    }

    @Operation(summary = "The account's SMS provider (admins); the auth token is never returned")
    @GetMapping("/api/v1/account/sms")
    SmsJson get(Actor actor) {
        return SmsJson.of(settings.view(actor));
    }

    @Operation(summary = "Change the account's SMS provider (admins): SIMULATOR or TWILIO with accountSid, "
            + "authToken (omit to keep the one set) and phoneNumbers in E.164")
    @PutMapping("/api/v1/account/sms")
    SmsJson put(Actor actor, @RequestBody SmsRequest request) {
        return SmsJson.of(settings.change(actor, new SmsSettings.Change(request.provider(), request.accountSid(),
                request.authToken(), request.phoneNumbers())));
    }
}
