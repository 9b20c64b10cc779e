package com.switchboard.away.internal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.switchboard.accounts.SignedIn;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives the Your settings page its Away status section: the settings page belongs to accounts,
 * which knows nothing of away statuses, so this module adds what its section shows.
 */
@Configuration(proxyBeanMethods = false)
class AwaySettingsSection implements WebMvcConfigurer, HandlerInterceptor {

    private final AwayPageModel pageModel;

    AwaySettingsSection(AwayPageModel pageModel) {
        this.pageModel = pageModel;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/settings", "/settings/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || !"settings".equals(view.getViewName())) {
            return;
        }
        SignedIn.user(request).ifPresent(me -> pageModel.addTo(view.getModel(), me.actor(), me));
    }
}
