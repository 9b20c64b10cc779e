package com.switchboard.channels.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Actor;
import com.switchboard.system.Refuses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code /api/v1/account/sms}: the account's SMS provider, for admins. The auth token is write-only. */
@RestController
@Tag(name = "SMS channel")
class SmsSettingsApiController {

    private final SmsSettings settings;

    SmsSettingsApiController(SmsSettings settings) {
        this.settings = settings;
    }

    @Schema(name = "SmsSettings")
    record SmsJson(SmsProvider provider, @Schema(example = "AC0123456789abcdef0123456789abcdef") @Nullable
            String accountSid,
            @Schema(description = "Whether an auth token is stored; it is never returned") boolean authTokenSet,
            @Schema(example = "[\"+15145550100\"]") List<String> phoneNumbers) {

        static SmsJson of(SmsSettings.View view) {
            return new SmsJson(view.provider(), view.accountSid(), view.authTokenSet(), view.phoneNumbers());
        }
    }

    record SmsRequest(@Schema(allowableValues = { "SIMULATOR", "TWILIO" }) String provider,
            @Schema(description = "TWILIO only") @Nullable String accountSid,
            @Schema(description = "TWILIO only; left out, the stored one is kept", format = "password") @Nullable
            String authToken,
            @Schema(description = "TWILIO only: the account's numbers at Twilio, in E.164") @Nullable
            List<String> phoneNumbers) {

        // Never echoed anywhere, logs included.
        @Override
        public String toString() {
            return "SmsRequest[provider=" + provider + ", accountSid=" + accountSid + "]";
        }
    }

    @Operation(operationId = "getSmsSettings",
            summary = "The account's SMS provider (admins); the auth token is never returned")
    @Refuses(HttpStatus.FORBIDDEN)
    @GetMapping("/api/v1/account/sms")
    SmsJson get(Actor actor) {
        return SmsJson.of(settings.view(actor));
    }

    @Operation(operationId = "setSmsSettings", summary = "Change the account's SMS provider (admins): SIMULATOR or TWILIO with accountSid, "
            + "authToken (omit to keep the one set) and phoneNumbers in E.164")
    @Refuses({ HttpStatus.FORBIDDEN, HttpStatus.CONFLICT })
    @PutMapping("/api/v1/account/sms")
    SmsJson put(Actor actor, @RequestBody SmsRequest request) {
        return SmsJson.of(settings.change(actor, new SmsSettings.Change(request.provider(), request.accountSid(),
                request.authToken(), request.phoneNumbers())));
    }
}
