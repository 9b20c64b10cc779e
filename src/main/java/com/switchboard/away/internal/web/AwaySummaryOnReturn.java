package com.switchboard.away.internal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.switchboard.accounts.SignedIn;
import com.switchboard.away.AwaySummaries;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * R20: the returning user's first page after an away period that saw something is "While you
 * were away", once; a "Continue" link then takes them where they were going. Only full page
 * loads: fragments, the API and files are never turned away.
 */
@Configuration(proxyBeanMethods = false)
class AwaySummaryOnReturn implements WebMvcConfigurer, HandlerInterceptor {

    private final AwaySummaries summaries;

    AwaySummaryOnReturn(AwaySummaries summaries) {
        this.summaries = summaries;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/", "/conversations/**", "/settings", "/team", "/team/**",
                "/teams", "/teams/**", "/notifications", "/simulator", "/company/**", "/calendar");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null || !wantsPage(request)) {
            return true;
        }
        var me = SignedIn.user(request).orElse(null);
        if (me == null) {
            return true;
        }
        var unseen = summaries.unseen(me.actor());
        if (unseen.isEmpty()) {
            return true;
        }
        String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        response.sendRedirect(request.getContextPath() + "/away/summary/" + unseen.get() + "?continue="
                + URLEncoder.encode(target, StandardCharsets.UTF_8));
        return false;
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /** A path of this site, never another's (an open redirect). */
    static boolean isLocal(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
    }
}
