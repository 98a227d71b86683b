package io.idcardstream.app.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.idcardstream.identity.PiiMask;

/** {@code %maskedEx} for text logs: the stack trace with ID numbers in exception messages masked. */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PiiMask.text(super.convert(event));
    }
}
