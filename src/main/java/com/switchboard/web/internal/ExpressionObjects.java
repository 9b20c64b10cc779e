package com.switchboard.web.internal;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #words} in templates: {@link PeopleWords}. An expression object rather than a bean
 * reference ({@code @peopleWords}), because Thymeleaf refuses bean references in attributes such
 * as {@code aria-label}, where these words are needed most.
 */
@Component
class ExpressionObjects extends AbstractDialect implements IExpressionObjectDialect {

    private final PeopleWords words;

    ExpressionObjects(PeopleWords words) {
        super("switchboard");
        this.words = words;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("words");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return "words".equals(name) ? words : null;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
