package com.switchboard.accounts.internal;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.switchboard.accounts.Actor;
import com.switchboard.accounts.SignedIn;
import com.switchboard.accounts.User;

import jakarta.servlet.http.HttpServletRequest;

/** Lets any controller method take the signed-in {@link Actor} or {@link User} as a parameter. */
@Configuration(proxyBeanMethods = false)
class ActorArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class || parameter.getParameterType() == User.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        User user = SignedIn.user(request.getNativeRequest(HttpServletRequest.class))
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
        return parameter.getParameterType() == Actor.class ? user.actor() : user;
    }
}
