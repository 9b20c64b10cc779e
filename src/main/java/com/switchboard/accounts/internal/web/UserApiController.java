package com.switchboard.accounts.internal.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.NewUser;
import com.switchboard.accounts.User;
import com.switchboard.accounts.UserChanges;
import com.switchboard.accounts.UserPresence;
import com.switchboard.accounts.Users;
import com.switchboard.accounts.internal.web.ApiJson.CreateUserRequest;
import com.switchboard.accounts.internal.web.ApiJson.PatchUserRequest;
import com.switchboard.accounts.internal.web.ApiJson.UserJson;
import com.switchboard.system.Refuses;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users")
class UserApiController {

    private final Users users;
    private final ObjectProvider<UserPresence> presence;

    UserApiController(Users users, ObjectProvider<UserPresence> presence) {
        this.users = users;
        this.presence = presence;
    }

    private Set<UUID> awayNow(Actor actor) {
        var provider = presence.getIfAvailable();
        return provider == null ? Set.of() : provider.awayNow(actor.accountId());
    }

    @Operation(operationId = "listUsers", summary = "Everyone in your account, deactivated users included")
    @GetMapping("/users")
    List<UserJson> list(Actor actor) {
        var away = awayNow(actor);
        return users.list(actor).stream().map(u -> UserJson.of(u, away)).toList();
    }

    @Operation(operationId = "getUser", summary = "A user of your account")
    @GetMapping("/users/{id}")
    UserJson get(Actor actor, @PathVariable UUID id) {
        return UserJson.of(users.get(actor, id), awayNow(actor));
    }

    @Operation(operationId = "getMe", summary = "The user the token or session belongs to")
    @GetMapping("/me")
    UserJson me(User me) {
        return UserJson.of(me, awayNow(me.actor()));
    }

    @Operation(operationId = "createUser", summary = "Add a teammate (admins)")
    @Refuses({ HttpStatus.FORBIDDEN, HttpStatus.CONFLICT })
    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserJson create(Actor actor, @RequestBody CreateUserRequest request) {
        return UserJson.of(users.create(actor, new NewUser(request.name(), request.email(), request.password(),
                request.role(), request.timeZone(), request.locale())), Set.of());
    }

    @Operation(operationId = "updateUser",
            summary = "Change a user: yourself (name, time zone, language, password) or, for admins, anyone")
    @Refuses({ HttpStatus.FORBIDDEN, HttpStatus.CONFLICT })
    @PatchMapping("/users/{id}")
    UserJson update(Actor actor, @PathVariable UUID id, @RequestBody PatchUserRequest request) {
        return UserJson.of(users.update(actor, id, new UserChanges(request.name(), request.email(), request.role(),
                request.timeZone(), request.locale(), request.active(), request.password(),
                request.currentPassword())), awayNow(actor));
    }
}
