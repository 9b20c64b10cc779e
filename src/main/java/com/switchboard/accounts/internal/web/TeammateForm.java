package com.switchboard.accounts.internal.web;

import com.switchboard.accounts.NewUser;
import com.switchboard.accounts.User;
import com.switchboard.accounts.UserChanges;

/** A teammate, added or edited by an admin on the Team page. An empty password keeps theirs. */
record TeammateForm(String name, String email, String role, String timeZone, String locale, String password) {

    static TeammateForm newIn(String timeZone) {
        return new TeammateForm("", "", "AGENT", timeZone, "en", "");
    }

    static TeammateForm of(User user) {
        return new TeammateForm(user.name(), user.email(), user.role().name(), user.timeZone().getId(),
                user.locale().getLanguage(), "");
    }

    NewUser newUser() {
        return new NewUser(name, email, password, role, timeZone, locale);
    }

    UserChanges changes() {
        return new UserChanges(name, email, role, timeZone, locale, null,
                password == null || password.isEmpty() ? null : password, null);
    }
}
