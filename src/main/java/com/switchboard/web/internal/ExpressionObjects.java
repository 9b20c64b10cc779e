package com.switchboard.web.internal;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Switchboard's expression objects in templates: {@code #words} ({@link PeopleWords}), an
 * expression object rather than a bean reference because Thymeleaf refuses bean references in
 * attributes such as {@code aria-label}, where these words are needed most; and {@code #cached}
 * ({@link FragmentCache}), which needs the page being rendered.
 */
@Component
class ExpressionObjects extends AbstractDialect implements IExpressionObjectDialect {

    private final PeopleWords words;
    private final FragmentCache cache;

    ExpressionObjects(PeopleWords words, FragmentCache cache) {
        super("switchboard");
        this.words = words;
        this.cache = cache;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {

            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("words", "cached");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return switch (name) {
                    case "words" -> words;
                    case "cached" -> cache.new ForPage(context);
                    default -> null;
                };
            }

            @Override
            public boolean isCacheable(String name) {
                // #cached belongs to one page's rendering.
                return "words".equals(name);
            }
        };
    }
}
