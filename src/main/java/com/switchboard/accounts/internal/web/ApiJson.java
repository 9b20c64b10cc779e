package com.switchboard.accounts.internal.web;

import java.util.Set;
import java.util.UUID;

import com.switchboard.accounts.Account;
import com.switchboard.accounts.User;

/** The API's JSON shapes for accounts and users. */
final class ApiJson {

    private ApiJson() {
    }

    /** A user; {@code away} says whether their away status is in effect now. */
    record UserJson(UUID id, String name, String email, String role, String timeZone, String locale,
            boolean active, boolean away) {

        static UserJson of(User user, Set<UUID> away) {
            return new UserJson(user.id(), user.name(), user.email(), user.role().name(), user.timeZone().getId(),
                    user.locale().getLanguage(), user.active(), away.contains(user.id()));
        }
    }

    record AccountJson(UUID id, String name, String timeZone, String country) {

        static AccountJson of(Account account) {
            return new AccountJson(account.id(), account.name(), account.timeZone().getId(), account.country());
        }
    }

    record SignupRequest(String accountName, String name, String email, String password, String timeZone,
            String locale) {
        @Override
        public String toString() {
            return "SignupRequest[" + email + "]";
        }
    }

    record SignupResponse(AccountJson account, UserJson user, String token) {
        @Override
        public String toString() {
            return "SignupResponse[" + user.id() + "]";
        }
    }

    record TokenRequest(String email, String password, String name) {
        @Override
        public String toString() {
            return "TokenRequest[" + email + "]";
        }
    }

    record TokenResponse(String token, UUID id, String name) {
        @Override
        public String toString() {
            return "TokenResponse[" + id + "]";
        }
    }

    record CreateUserRequest(String name, String email, String password, String role, String timeZone,
            String locale) {
        @Override
        public String toString() {
            return "CreateUserRequest[" + email + "]";
        }
    }

    record PatchUserRequest(String name, String email, String role, String timeZone, String locale, Boolean active,
            String password, String currentPassword) {
        @Override
        public String toString() {
            return "PatchUserRequest[" + name + "]";
        }
    }
}
