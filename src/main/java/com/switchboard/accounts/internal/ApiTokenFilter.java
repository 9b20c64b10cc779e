package com.switchboard.accounts.internal;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.switchboard.accounts.ApiTokens;
import com.switchboard.accounts.SignedIn;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code Authorization: Bearer <token>} for one request. The authentication is not
 * saved in a session: every API call carries its token.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final Set<String> OPEN_PATHS = Set.of("/api/v1/tokens", "/api/v1/signup");

    private final ApiTokens tokens;
    private final ProblemResponses problems;

    ApiTokenFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    // Logging in and signing up need no token: a stale one a client still sends is no reason to refuse.
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && OPEN_PATHS.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var bearer = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (bearer.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard\", error=\"invalid_token\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "error.unauthorized", "error.badToken");
            return;
        }
        var principal = SignedInUser.of(bearer.get().actor(), null);
        request.setAttribute(SignedIn.TOKEN_ID_ATTRIBUTE, bearer.get().tokenId());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
