package com.switchboard.accounts.internal.web;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.switchboard.accounts.Account;
import com.switchboard.accounts.AwayFallback;
import com.switchboard.accounts.Role;
import com.switchboard.accounts.User;

import io.swagger.v3.oas.annotations.media.Schema;

/** The API's JSON shapes for accounts and users. */
final class ApiJson {

    private ApiJson() {
    }

    /** A user; {@code away} says whether their away status is in effect now. */
    @Schema(name = "User")
    record UserJson(UUID id, @Schema(example = "Marie Gagnon") String name,
            @Schema(example = "marie@garage-laval.example") String email, Role role,
            @Schema(description = "An IANA time zone", example = "America/Toronto") String timeZone,
            @Schema(allowableValues = { "en", "fr" }) String locale,
            boolean active, @Schema(description = "Whether away mode is in effect now") boolean away) {

        static UserJson of(User user, Set<UUID> away) {
            return new UserJson(user.id(), user.name(), user.email(), user.role(), user.timeZone().getId(),
                    user.locale().getLanguage(), user.active(), away.contains(user.id()));
        }
    }

    @Schema(name = "Account")
    record AccountJson(UUID id, @Schema(example = "Garage Laval") String name,
            @Schema(example = "America/Toronto") String timeZone,
            @Schema(description = "ISO 3166 country of the phone numbers", example = "CA") String country,
            @Schema(description = "What happens to a conversation whose away assignee's delegate is away too (R18): "
                    + "KEEP it with the away user (the default), or send it to the TEAM_QUEUE") AwayFallback awayFallback) {

        static AccountJson of(Account account) {
            return new AccountJson(account.id(), account.name(), account.timeZone().getId(), account.country(),
                    account.awayFallback());
        }
    }

    @Schema(description = "Only the fields sent change")
    record PatchAccountRequest(@Schema(example = "Garage Laval") @Nullable String name,
            @Schema(example = "America/Toronto") @Nullable String timeZone,
            @Schema(allowableValues = { "KEEP", "TEAM_QUEUE" }) @Nullable String awayFallback) {
    }

    record SignupRequest(@Schema(example = "Garage Laval") String accountName,
            @Schema(example = "Marie Gagnon") String name, @Schema(example = "marie@garage-laval.example") String email,
            @Schema(description = "At least 12 characters", format = "password") String password,
            @Schema(description = "An IANA time zone; the server's when left out", example = "America/Toronto")
            @Nullable String timeZone,
            @Schema(allowableValues = { "en", "fr" }) @Nullable String locale) {
        @Override
        public String toString() {
            return "SignupRequest[" + email + "]";
        }
    }

    record SignupResponse(AccountJson account, UserJson user,
            @Schema(description = "An API token for the new admin; send it as Authorization: Bearer") String token) {
        @Override
        public String toString() {
            return "SignupResponse[" + user.id() + "]";
        }
    }

    record TokenRequest(@Schema(example = "marie@garage-laval.example") String email,
            @Schema(format = "password") String password,
            @Schema(description = "What the token is for, as the settings list it; \"API\" when left out",
                    example = "Dealer management system") @Nullable String name) {
        @Override
        public String toString() {
            return "TokenRequest[" + email + "]";
        }
    }

    record TokenResponse(@Schema(description = "Send it as Authorization: Bearer <token>") String token, UUID id,
            String name) {
        @Override
        public String toString() {
            return "TokenResponse[" + id + "]";
        }
    }

    record CreateUserRequest(String name, String email,
            @Schema(description = "At least 12 characters", format = "password") String password,
            @Schema(description = "AGENT when left out", allowableValues = { "ADMIN", "AGENT" }) @Nullable String role,
            @Schema(description = "The account's when left out", example = "America/Toronto") @Nullable
            String timeZone,
            @Schema(allowableValues = { "en", "fr" }) @Nullable String locale) {
        @Override
        public String toString() {
            return "CreateUserRequest[" + email + "]";
        }
    }

    @Schema(description = "Only the fields sent change")
    record PatchUserRequest(@Nullable String name, @Nullable String email,
            @Schema(allowableValues = { "ADMIN", "AGENT" }) @Nullable String role, @Nullable String timeZone,
            @Schema(allowableValues = { "en", "fr" }) @Nullable String locale, @Nullable Boolean active,
            @Schema(format = "password") @Nullable String password,
            @Schema(description = "Needed to change your own password", format = "password") @Nullable
            String currentPassword) {
        @Override
        public String toString() {
            return "PatchUserRequest[" + name + "]";
        }
    }
}
