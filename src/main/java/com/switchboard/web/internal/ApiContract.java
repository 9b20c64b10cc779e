package com.switchboard.web.internal;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import com.switchboard.system.ProblemTypes;
import com.switchboard.system.Refuses;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The error half of the published contract. Every operation lists each refusal it can answer
 * (RFC 9457 problem+json, one shared {@code Problem} schema): the ones its shape implies (it needs
 * a token, reads input, names something in its path), the ones its controller declares with
 * {@link Refuses}, and 500/503, which any operation may meet.
 */
@Component
class ApiContract implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "ProblemFieldError";

    private static final Map<HttpStatus, String> RESPONSES = new LinkedHashMap<>();

    static {
        RESPONSES.put(HttpStatus.BAD_REQUEST, "The input is not valid; `errors` names each field that is wrong.");
        RESPONSES.put(HttpStatus.UNAUTHORIZED, "No valid token (or, for logging in, the wrong email or password).");
        RESPONSES.put(HttpStatus.FORBIDDEN, "The caller's role does not allow this (admins only).");
        RESPONSES.put(HttpStatus.NOT_FOUND, "Nothing with that id in the caller's account.");
        RESPONSES.put(HttpStatus.CONFLICT, "The request clashes with what is stored; `code` says how.");
        RESPONSES.put(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body must be sent as application/json.");
        RESPONSES.put(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts; `Retry-After` says when to try again.");
        RESPONSES.put(HttpStatus.INTERNAL_SERVER_ERROR, "Switchboard failed; nothing was changed.");
        RESPONSES.put(HttpStatus.SERVICE_UNAVAILABLE,
                "Switchboard cannot reach its database; nothing was changed. `Retry-After` says when to try again.");
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Set<HttpStatus> refusals = EnumSet.of(HttpStatus.INTERNAL_SERVER_ERROR, HttpStatus.SERVICE_UNAVAILABLE);
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        if (!open) {
            refusals.add(HttpStatus.UNAUTHORIZED);
        }
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                refusals.add(HttpStatus.NOT_FOUND);
            }
            if (parameter.hasParameterAnnotation(RequestParam.class)) {
                refusals.add(HttpStatus.BAD_REQUEST);
            }
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                refusals.add(HttpStatus.BAD_REQUEST);
                refusals.add(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            }
        }
        var declared = handler.getMethodAnnotation(Refuses.class);
        if (declared != null) {
            refusals.addAll(List.of(declared.value()));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        for (HttpStatus status : RESPONSES.keySet()) {
            if (refusals.contains(status)) {
                operation.getResponses().addApiResponse(String.valueOf(status.value()),
                        new ApiResponse().$ref("#/components/responses/" + responseName(status)));
            }
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI api) {
        var components = api.getComponents();
        components.addSchemas(FIELD_ERROR, fieldErrorSchema());
        components.addSchemas(PROBLEM, problemSchema());
        RESPONSES.forEach((status, description) -> components.addResponses(responseName(status),
                new ApiResponse().description(description).content(new Content().addMediaType(
                        MediaType.APPLICATION_PROBLEM_JSON_VALUE, new io.swagger.v3.oas.models.media.MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
    }

    private static String responseName(HttpStatus status) {
        var name = new StringBuilder();
        for (String word : status.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }

    private static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().description("The input field, as named in the request")
                        .example("phone"))
                .addProperty("code", new StringSchema().description("What is wrong with it (see `code` above)")
                        .example("phone.invalid"))
                .addProperty("message", new StringSchema().description("The same, for people, in the caller's language")
                        .example("Enter a phone number such as 514 555 0123."))
                .required(List.of("field", "code", "message"));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Schema problem = new ObjectSchema()
                .description("A refusal (RFC 9457). Program against `code` (or `type`, which is made from it): "
                        + "the codes are listed in docs/problems.md and stay the same; `title` and `detail` are for "
                        + "people, in the language of Accept-Language or of the caller's settings.")
                .addProperty("type", new StringSchema().format("uri")
                        .description("`" + ProblemTypes.TYPE_PREFIX + "` followed by the code")
                        .example(ProblemTypes.TYPE_PREFIX + "message.customer-unsubscribed"))
                .addProperty("code", new StringSchema().description("What went wrong, for programs")
                        .example("message.customer-unsubscribed"))
                .addProperty("title", new StringSchema().example("Conflict"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema()
                        .example("This customer texted STOP: no text can be sent to them until they text START."))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .example("/api/v1/conversations/0d9e4d56-3f0c-4be4-9a39-7f8cbe1a3f5c/messages"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("For invalid input: each field that is wrong"));
        problem.setRequired(List.of("type", "code", "title", "status", "detail"));
        return problem;
    }
}
