package com.switchboard.accounts.internal;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.switchboard.accounts.SignedIn;
import com.switchboard.accounts.Users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the signed-in user fresh for each request, inside the security chain. A user deactivated
 * since they signed in is signed out at once: the session ends and the request is refused.
 */
class CurrentUserFilter extends OncePerRequestFilter {

    private final Users users;
    private final ProblemResponses problems;

    CurrentUserFilter(Users users, ProblemResponses problems) {
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser principal)) {
            chain.doFilter(request, response);
            return;
        }
        var user = users.find(principal.accountId(), principal.userId());
        if (user.isEmpty() || !user.get().active()) {
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(response, HttpStatus.UNAUTHORIZED, "error.unauthorized", "error.deactivated");
            }
            else {
                response.sendRedirect(request.getContextPath() + "/login?error=disabled");
            }
            return;
        }
        request.setAttribute(SignedIn.ATTRIBUTE, user.get());
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/assets/") || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }
}
