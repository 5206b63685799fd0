package io.techbridge.commons.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.techbridge.commons.problem.Problems;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * JSON a request may not carry, refused with a 400 naming the member: a member given twice
 * ({@code {"reason":"a","reason":"b"}}), never read as one of the two, since a body that says two
 * things is not a request anyone can stand by; and a NUL character (U+0000) in a string, which
 * can't be stored as text.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("techbridge-strict-text").addDeserializer(String.class, new NoNul()));
    }

    static final class NoNul extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.contains(NulCharacters.NUL)) {
                throw JsonMappingException.from(parser, Problems.NUL_CHARACTER);
            }
            return value;
        }
    }
}
