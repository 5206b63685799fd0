package io.techbridge.commons.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.techbridge.commons.problem.Problems;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;

/**
 * JSON a request may not carry, refused with a 400 naming the member: a member given twice
 * ({@code {"reason":"a","reason":"b"}}), never read as one of the two, since a body that says two
 * things is not a request anyone can stand by; a string holding a character no text may hold
 * ({@link TextCharacters}: NUL, control characters, lone surrogates, bidirectional controls); and a date whose year is not four digits ({@code +999999999-12-31}),
 * which the date parser takes but no database column can hold: every date is {@code yyyy-mm-dd}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("techbridge-strict-text")
                .addDeserializer(String.class, new PlainText())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    // Wraps whichever date reader is in force, whatever the order the modules were registered in.
                    @Override
                    @SuppressWarnings("unchecked")
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                            JsonDeserializer<?> deserializer) {
                        return description.getBeanClass() == LocalDate.class
                                ? new FourDigitYear((JsonDeserializer<LocalDate>) deserializer) : deserializer;
                    }
                }));
    }

    static final class PlainText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            TextCharacters.Refusal refusal = TextCharacters.check(value);
            if (refusal != null) {
                throw JsonMappingException.from(parser, refusal.message());
            }
            return value;
        }
    }

    /**
     * A date of the years 0000 to 9999, as {@code yyyy-mm-dd} writes them; refused like any malformed
     * date otherwise. It wraps the date reader in force (kept for its options, such as {@code @JsonFormat}).
     */
    static final class FourDigitYear extends StdDeserializer<LocalDate> implements ContextualDeserializer {

        private final JsonDeserializer<LocalDate> dates;

        FourDigitYear(JsonDeserializer<LocalDate> dates) {
            super(LocalDate.class);
            this.dates = dates;
        }

        @Override
        @SuppressWarnings("unchecked")
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            return dates instanceof ContextualDeserializer contextual
                    ? new FourDigitYear((JsonDeserializer<LocalDate>) contextual.createContextual(context, property))
                    : this;
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = dates.deserialize(parser, context);
            if (date != null && (date.getYear() < 0 || date.getYear() > 9999)) {
                throw InvalidFormatException.from(parser, "a date's year has four digits (yyyy-mm-dd)", date.toString(),
                        LocalDate.class);
            }
            return date;
        }
    }
}
