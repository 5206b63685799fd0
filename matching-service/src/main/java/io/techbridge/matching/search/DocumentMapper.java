package io.techbridge.matching.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * How index documents are written and read, by the service and by the tools alike (the tools must
 * read the index exactly as the service does). Not the API's mapper: that one refuses duplicate
 * keys and checks every string it reads for characters no text may hold (a slow path for every list
 * of words), which made reading a ranking's ~80 hits the service's largest cost. The index holds
 * what this service wrote, checked when it came in.
 */
public final class DocumentMapper {

    private DocumentMapper() {
    }

    public static ObjectMapper create() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }
}
