package com.switchboard.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.switchboard.system.DatabaseAway;
import com.switchboard.system.InvalidInputException;
import com.switchboard.system.NotFoundException;
import com.switchboard.system.ProblemTypes;
import com.switchboard.system.SwitchboardException;
import com.switchboard.system.TooManyRequestsException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * The one place a refusal becomes an answer: problem+json (RFC 9457) with a human message in the
 * caller's language for the API, an error page for pages. Page forms bind field problems
 * themselves, through {@code FormErrors}, to show them beside the fields.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private final MessageSource messages;
    private final LayoutModel layout;

    Refusals(MessageSource messages, LayoutModel layout) {
        this.messages = messages;
        this.layout = layout;
    }

    @ExceptionHandler(SwitchboardException.class)
    Object refused(SwitchboardException refusal, HttpServletRequest request, HttpServletResponse response) {
        if (refusal instanceof TooManyRequestsException tooMany && tooMany.retryAfter() != null) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, tooMany.retryAfter().toSeconds())));
        }
        return answer(refusal, request);
    }

    // An id in the path that is not even well formed names nothing, here or in another account.
    // A query parameter of the wrong type (a page number too large for one) is bad input.
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return answer(new NotFoundException(), request);
        }
        return answer(new InvalidInputException(e.getName(), "error.invalidParameter", e.getName()), request);
    }

    @ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
    Object notFound(Exception e, HttpServletRequest request) {
        return answer(new NotFoundException(), request);
    }

    // Bytes in the address that are not UTF-8: Tomcat refuses to decode the parameters.
    @ExceptionHandler(InvalidParameterException.class)
    Object undecodable(InvalidParameterException e, HttpServletRequest request) {
        return answer(new InvalidInputException(null, "error.invalidEncoding"), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        // A string the body holds but that cannot be stored (StorableInput): named, like any bad field.
        if (e.getCause() instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            String field = invalid.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .collect(Collectors.joining("."));
            var problem = new SwitchboardException.Problem(field, "error.unstorableText");
            return problem(HttpStatus.BAD_REQUEST, "error.invalidInput", "error.unstorableText", List.of(problem));
        }
        return problem(HttpStatus.BAD_REQUEST, "error.invalidInput", "error.unreadableBody", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.invalidInput", "error.mediaType", List.of());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        var problem = new SwitchboardException.Problem(e.getParameterName(), "error.missingParameter",
                e.getParameterName());
        return problem(HttpStatus.BAD_REQUEST, "error.invalidInput", "error.missingParameter", List.of(problem),
                e.getParameterName());
    }

    // Anything else is our fault: the API still answers problem+json, and the cause goes to the log only.
    // A client went away mid-response (a live stream's tab closed): nothing to answer, nothing wrong.
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client gone: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) throws Exception {
        // The database away is answered 503 by DatabaseUnavailable, for pages and API alike.
        if (!isApi(request) || e instanceof ErrorResponse
                || e instanceof AccessDeniedException
                || e instanceof AuthenticationException
                || DatabaseAway.causedIt(e)) {
            throw e;
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.generic", "error.unexpected", List.of());
    }

    private Object answer(SwitchboardException refusal, HttpServletRequest request) {
        if (isApi(request)) {
            var first = refusal.problems().isEmpty() ? null : refusal.problems().get(0);
            return problem(refusal.status(), refusal.titleKey(), first == null ? refusal.titleKey() : first.messageKey(),
                    refusal.problems(), first == null ? new Object[0] : first.args());
        }
        var page = new ModelAndView("error");
        page.setStatus(refusal.status());
        page.addObject("status", refusal.status().value());
        page.addObject("errorTitle", text(refusal.titleKey()));
        page.addObject("errorDetail", refusal.problems().isEmpty() ? null
                : text(refusal.problems().get(0).messageKey(), refusal.problems().get(0).args()));
        // A handler that threw gets no postHandle: the chrome is added here, so the page keeps its top bar.
        layout.addTo(page, request);
        return page;
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String titleKey, String detailKey,
            List<SwitchboardException.Problem> problems, Object... detailArgs) {
        var body = ProblemDetail.forStatusAndDetail(status, text(detailKey, detailArgs));
        body.setTitle(text(titleKey));
        String code = ProblemTypes.code(detailKey);
        body.setType(ProblemTypes.type(code));
        body.setProperty("code", code);
        var fieldErrors = problems.stream()
                .filter(p -> p.field() != null)
                .map(p -> Map.of("field", p.field(), "code", ProblemTypes.code(p.messageKey()),
                        "message", text(p.messageKey(), p.args())))
                .toList();
        if (!fieldErrors.isEmpty()) {
            body.setProperty("errors", fieldErrors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
