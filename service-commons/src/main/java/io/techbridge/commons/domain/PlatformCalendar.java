package io.techbridge.commons.domain;

import java.time.ZoneId;

/**
 * The platform's calendar. The days people see — application deadlines, a demand's validity, the
 * broker's due dates, monthly figures, an audit search by day — are days in China, wherever a
 * server's clock is set.
 */
public final class PlatformCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private PlatformCalendar() {
    }
}
