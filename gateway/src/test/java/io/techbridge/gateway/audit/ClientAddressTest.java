package io.techbridge.gateway.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit trail shows a client's address as an operator writes it. */
class ClientAddressTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0:0:0:0:0:0:0:1, ::1",
            "1:0:0:0:0:0:0:0, 1::",
            "fe80:0:0:0:1:0:0:2, fe80::1:0:0:2",
            "2001:db8:0:0:0:0:2:1, 2001:db8::2:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:0db8:0:0:0:0:0:01, 2001:db8::1",
            "127.0.0.1, 127.0.0.1",
            "::1, ::1"})
    void anIpv6AddressIsShortenedAndAnIpv4OneKept(String address, String shown) {
        assertEquals(shown, AuditTrail.compact(address));
    }
}
