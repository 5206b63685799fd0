package io.techbridge.commons.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RequestIdsTest {

    private final RequestIds filter = new RequestIds();

    @Test
    void theGatewaysIdIsKeptLoggedAndEchoed() {
        Map<String, Object> properties = new HashMap<>();
        ContainerRequestContext request = request("req-42.a:b_c", properties);
        filter.assign(request);
        assertEquals("req-42.a:b_c", properties.get(RequestIds.MDC_KEY));
        assertEquals("req-42.a:b_c", MDC.get(RequestIds.MDC_KEY));

        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        filter.echo(request, response(headers));
        assertEquals("req-42.a:b_c", headers.getFirst(RequestIds.HEADER));
        assertNull(MDC.get(RequestIds.MDC_KEY), "the id outlives its request");
    }

    @Test
    void aMissingOrUnsafeIdIsReplacedByAFreshOne() {
        for (String sent : new String[] {null, "", "two words", "a\r\nX-Injected: 1", "x".repeat(101)}) {
            Map<String, Object> properties = new HashMap<>();
            filter.assign(request(sent, properties));
            String id = (String) properties.get(RequestIds.MDC_KEY);
            assertNotEquals(sent, id);
            assertEquals(id, UUID.fromString(id).toString());
        }
        MDC.remove(RequestIds.MDC_KEY);
    }

    @Test
    void aResponseWithoutAnAssignedIdGetsNone() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        filter.echo(request(null, new HashMap<>()), response(headers));
        assertNull(headers.getFirst(RequestIds.HEADER));
    }

    private static ContainerRequestContext request(String header, Map<String, Object> properties) {
        return (ContainerRequestContext) Proxy.newProxyInstance(RequestIdsTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> RequestIds.HEADER.equals(args[0]) ? header : null;
                    case "setProperty" -> properties.put((String) args[0], args[1]);
                    case "getProperty" -> properties.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ContainerResponseContext response(MultivaluedMap<String, Object> headers) {
        return (ContainerResponseContext) Proxy.newProxyInstance(RequestIdsTest.class.getClassLoader(),
                new Class<?>[] {ContainerResponseContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaders" -> headers;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
