package com.switchboard.web.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Says in the published schemas what the records of the API promise. Every component of a record
 * is always in the JSON (nulls are written), so each is required, and one marked {@link Nullable}
 * may be null. In a request, a {@link Nullable} component may be left out; the others must be
 * sent. One rule for every body, so the document cannot drift from the code one field at a time.
 */
@Component
class RecordSchemas implements ModelConverter {

    @Override
    @SuppressWarnings({ "rawtypes", "unchecked" })
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord()) {
            return resolved;
        }
        Schema model = resolved;
        if (resolved.get$ref() != null) {
            String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(name);
        }
        if (model == null || model.getProperties() == null) {
            return resolved;
        }
        for (RecordComponent component : raw.getRecordComponents()) {
            Schema property = (Schema) model.getProperties().get(component.getName());
            if (property == null) {
                continue;
            }
            if (nullable(component)) {
                if (property.get$ref() != null) {
                    // A reference takes no siblings in OpenAPI 3.0: a nullable object is "all of" it.
                    var wrapped = new ComposedSchema().allOf(List.of(new Schema<>().$ref(property.get$ref())));
                    wrapped.setNullable(true);
                    model.getProperties().put(component.getName(), wrapped);
                }
                else {
                    property.setNullable(true);
                }
            }
            else if (model.getRequired() == null || !model.getRequired().contains(component.getName())) {
                model.addRequiredItem(component.getName());
            }
        }
        return resolved;
    }

    private static boolean nullable(RecordComponent component) {
        return annotated(component.getAnnotatedType()) || annotated(component);
    }

    private static boolean annotated(AnnotatedElement element) {
        return element.isAnnotationPresent(Nullable.class);
    }
}
