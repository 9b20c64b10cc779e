package com.switchboard.live.internal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.switchboard.accounts.SignedIn;
import com.switchboard.live.internal.LiveStreams;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells every page where the live log stood when it was rendered ({@code liveSince}), so that
 * its stream starts from there: nothing that happens between the page and its stream is lost.
 */
@Configuration(proxyBeanMethods = false)
class LivePages implements WebMvcConfigurer, HandlerInterceptor {

    private final LiveStreams streams;

    LivePages(LiveStreams streams) {
        this.streams = streams;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**");
    }

    // Before the page is rendered, and before its data is read: the page may show more than the
    // position says (then the stream repeats a little), never less.
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // Pages are read with GET; a form's POST answers with a redirect to one.
        if (!(handler instanceof HandlerMethod) || !"GET".equals(request.getMethod())) {
            return true;
        }
        SignedIn.user(request).ifPresent(me -> request.setAttribute("liveSince", streams.position(me.accountId())));
        return true;
    }
}
