package com.switchboard.accounts;

/** An admin's request to add a teammate. Time zone and locale may be null: the account's, English. */
public record NewUser(String name, String email, String password, String role, String timeZone, String locale) {

    @Override
    public String toString() {
        return "NewUser[name=" + name + ", email=" + email + ", role=" + role + "]";
    }
}
