package com.switchboard.accounts.internal.web;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.switchboard.accounts.Accounts;
import com.switchboard.accounts.ApiTokens;
import com.switchboard.accounts.SignUp;
import com.switchboard.accounts.internal.AccountMail;
import com.switchboard.accounts.internal.ClientLimits;
import com.switchboard.accounts.internal.LoginDetails;
import com.switchboard.accounts.internal.SignedInUser;
import com.switchboard.accounts.internal.TooManyAttemptsException;
import com.switchboard.accounts.internal.web.ApiJson.AccountJson;
import com.switchboard.accounts.internal.web.ApiJson.SignupRequest;
import com.switchboard.accounts.internal.web.ApiJson.SignupResponse;
import com.switchboard.accounts.internal.web.ApiJson.TokenRequest;
import com.switchboard.accounts.internal.web.ApiJson.TokenResponse;
import com.switchboard.accounts.internal.web.ApiJson.UserJson;
import com.switchboard.system.Refuses;
import com.switchboard.system.TooManyRequestsException;
import com.switchboard.system.UnauthorizedException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authentication")
class AuthApiController {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final AuthenticationManager authentication;
    private final ClientLimits clients;
    private final AccountMail mail;

    AuthApiController(Accounts accounts, ApiTokens tokens, AuthenticationManager authentication,
            ClientLimits clients, AccountMail mail) {
        this.mail = mail;
        this.accounts = accounts;
        this.tokens = tokens;
        this.authentication = authentication;
        this.clients = clients;
    }

    @Operation(operationId = "signUp", summary = "Create an account and its first admin; returns an API token for that admin. Where mail is "
            + "configured, answers 202 instead, the same for a new or a known email, and the account is created "
            + "when the link mailed to the address is followed")
    @ApiResponse(responseCode = "201", description = "The account, its admin and an API token",
            content = @Content(schema = @Schema(implementation = SignupResponse.class)))
    @ApiResponse(responseCode = "202", description = "Where mail is configured: a confirmation link was mailed",
            content = @Content(schema = @Schema(implementation = SignupPending.class)))
    @SecurityRequirements
    @Refuses({ HttpStatus.CONFLICT, HttpStatus.TOO_MANY_REQUESTS })
    @PostMapping("/signup")
    ResponseEntity<?> signUp(@RequestBody SignupRequest request, HttpServletRequest from) {
        clients.admitSignUp(from.getRemoteAddr());
        var form = new SignUp(request.accountName(), request.name(), request.email(), request.password(),
                request.timeZone(), request.locale());
        if (mail.configured()) {
            mail.send(accounts.requestSignUp(form));
            return ResponseEntity.accepted().body(new SignupPending("CONFIRMATION_SENT"));
        }
        var signedUp = accounts.signUp(form);
        var token = tokens.issue(signedUp.admin().actor(), "Sign-up");
        return ResponseEntity.status(HttpStatus.CREATED).body(new SignupResponse(AccountJson.of(signedUp.account()),
                UserJson.of(signedUp.admin(), Set.of()), token.token()));
    }

    /** A sign-up waiting for its address to be confirmed (nothing says whether the email was known). */
    record SignupPending(@Schema(allowableValues = "CONFIRMATION_SENT") String status) {
    }

    @Operation(operationId = "createToken", summary = "Get an API token for an email and password",
            description = "Needs no token; one sent anyway (an old, revoked one) is ignored.")
    @SecurityRequirements
    @Refuses({ HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS })
    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse token(@RequestBody TokenRequest request, HttpServletRequest from) {
        SignedInUser user;
        try {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                    request.email() == null ? "" : request.email(), request.password() == null ? "" : request.password());
            // An API client has no device cookie: only its address counts.
            attempt.setDetails(new LoginDetails(from.getRemoteAddr(), null));
            user = (SignedInUser) authentication.authenticate(attempt).getPrincipal();
        }
        catch (TooManyAttemptsException e) {
            throw new TooManyRequestsException(e.waitTime(), e.fromClient() ? "login.tooManyFromClient" : "login.locked",
                    TooManyRequestsException.minutes(e.waitTime()));
        }
        catch (AuthenticationException e) {
            throw new UnauthorizedException("login.failed");
        }
        String name = request.name() == null || request.name().isBlank() ? "API" : request.name();
        var issued = tokens.issue(user.actor(), name);
        return new TokenResponse(issued.token(), issued.id(), issued.name());
    }
}
