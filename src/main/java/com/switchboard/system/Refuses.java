package com.switchboard.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.HttpStatus;

/**
 * The refusals an API operation may answer beyond those every operation of its shape can (401
 * when it needs a token, 400 when it reads input, 404 when its path names something, 500, 503):
 * 403 for admins' operations, 409 for a conflict, 429 for a limit. The published document lists
 * them, each as a problem+json answer, so that typed clients know what to expect.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Refuses {

    HttpStatus[] value();
}
